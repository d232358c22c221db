package org.megaphone.read.exports;

import java.io.Serializable;
import java.time.ZoneId;

/**
 * What a profile may need to know about the file besides its rows: the platform, handle and export
 * instant that {@code exports/sources.csv}, the folder name or the file name give.
 *
 * @param path path relative to the dataset folder, e.g. {@code exports/sanna/Table data.csv}
 * @param platform from sources.csv, or null
 * @param handle from sources.csv, or null
 * @param folder the name of the file's folder under exports/ as a handle, or null
 * @param exportedAt canonical timestamp of the export, or null when unknown
 * @param zoneId --timezone
 * @param sourceZoneId the zone the export was downloaded in, from sources.csv; null when not given
 */
public record ExportFile(
    String path,
    String platform,
    String handle,
    String folder,
    String exportedAt,
    String zoneId,
    String sourceZoneId)
    implements Serializable {
  public ZoneId zone() {
    return ZoneId.of(zoneId);
  }

  /** The zone the file's times without a zone are in: sources.csv's, else --timezone. */
  public ZoneId localZone() {
    return sourceZoneId == null ? zone() : ZoneId.of(sourceZoneId);
  }

  /**
   * The zone of the file's times, from sources.csv, or null: it reads a time without a zone and any
   * zone abbreviation of the file ({@link ZoneAbbreviations}).
   */
  public ZoneId fileZone() {
    return sourceZoneId == null ? null : ZoneId.of(sourceZoneId);
  }

  /** The handle for exports that name no account: sources.csv's, else the folder's; or null. */
  public String handleOrFolder() {
    return handle != null ? handle : folder;
  }
}
