package org.megaphone.read.exports;

import java.io.Serializable;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.megaphone.read.CsvRecords;
import org.megaphone.read.InputException;
import org.megaphone.rules.Handles;
import org.megaphone.rules.Platforms;
import org.megaphone.rules.Timestamps;

/**
 * {@code exports/sources.csv}: what a file does not say about itself. Each line gives a file
 * pattern (a glob on the path below exports/, or on the file name) and the platform, handle and
 * export time of matching files; the first matching line wins. Without a line, the handle is the
 * name of the file's folder under exports/, and the export time the last date in the file name
 * ({@code 2020-04-15} or {@code 20200415}), at 23:59:59 in the dataset's zone. An optional {@code
 * zone} column names the zone the export was downloaded in: its times without a zone, and its zone
 * abbreviations, are read in that zone ({@link ZoneAbbreviations}).
 */
public final class Sources implements Serializable {
  public static final String FILE = "sources.csv";
  private static final Pattern DATE_IN_NAME =
      Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})(?!\\d)");

  /** One line of sources.csv. */
  public record Entry(
      String pattern, String platform, String handle, String exportedAt, String zone)
      implements Serializable {}

  private final List<Entry> entries;

  public Sources(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static Sources none() {
    return new Sources(List.of());
  }

  /**
   * Parses sources.csv.
   *
   * @throws InputException when it lacks the pattern column, names an unknown platform or has an
   *     unreadable exported_at
   */
  public static Sources parse(String text, String zoneId) {
    List<CsvRecords.CsvRecord> records = CsvRecords.parse(text, CsvRecords.detectDelimiter(text));
    if (records.isEmpty()) {
      return none();
    }
    List<String> header = new ArrayList<>();
    records.get(0).fields.forEach(f -> header.add(f.strip().toLowerCase(Locale.ROOT)));
    int pattern = header.indexOf("pattern");
    if (pattern < 0) {
      throw new InputException("exports/sources.csv: no pattern column (header: " + header + ")");
    }
    List<Entry> entries = new ArrayList<>();
    for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
      if (r.error != null) {
        throw new InputException("exports/sources.csv line " + r.line + ": " + r.error);
      }
      String platform = cell(r, header.indexOf("platform"));
      if (platform != null && Platforms.canonical(platform).isEmpty()) {
        throw new InputException(
            "exports/sources.csv line " + r.line + ": unknown platform '" + platform + "'");
      }
      String exportedAt = cell(r, header.indexOf("exported_at"));
      if (exportedAt != null) {
        try {
          exportedAt =
              ExportValues.iso(Timestamps.parse(exportedAt, ZoneId.of(zoneId)), ZoneId.of(zoneId));
        } catch (IllegalArgumentException e) {
          throw new InputException(
              "exports/sources.csv line "
                  + r.line
                  + ": unreadable exported_at '"
                  + exportedAt
                  + "'");
        }
      }
      String zone = cell(r, header.indexOf("zone"));
      if (zone != null) {
        try {
          zone = ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
          throw new InputException(
              "exports/sources.csv line "
                  + r.line
                  + ": unknown zone '"
                  + zone
                  + "' (a zone ID such as America/Sao_Paulo)");
        }
      }
      String handle = cell(r, header.indexOf("handle"));
      entries.add(
          new Entry(
              cell(r, pattern),
              platform == null ? null : Platforms.canonical(platform).get(),
              handle == null ? null : Handles.normalise(handle),
              exportedAt,
              zone));
    }
    return new Sources(entries);
  }

  private static String cell(CsvRecords.CsvRecord r, int i) {
    if (i < 0 || i >= r.fields.size() || r.fields.get(i).isBlank()) {
      return null;
    }
    return r.fields.get(i).strip();
  }

  /**
   * What is known about a file.
   *
   * @param belowExports the path below exports/, e.g. {@code sanna/Table data.csv}
   */
  public ExportFile describe(String belowExports, String zoneId) {
    Entry entry = null;
    String fileName = Paths.get(belowExports).getFileName().toString();
    for (Entry e : entries) {
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + e.pattern());
      if (m.matches(Paths.get(belowExports)) || m.matches(Paths.get(fileName))) {
        entry = e;
        break;
      }
    }
    String folder =
        Paths.get(belowExports).getParent() == null
            ? null
            : Paths.get(belowExports).getParent().getFileName().toString();
    String handle = entry == null ? null : entry.handle();
    String exportedAt =
        entry != null && entry.exportedAt() != null
            ? entry.exportedAt()
            : dateInName(fileName, ZoneId.of(zoneId));
    return new ExportFile(
        "exports/" + belowExports,
        entry == null ? null : entry.platform(),
        handle,
        folder == null ? null : Handles.normalise(folder),
        exportedAt,
        zoneId,
        entry == null ? null : entry.zone());
  }

  /** The last date written in a file name, as that day's last second; null when none. */
  static String dateInName(String fileName, ZoneId zone) {
    Matcher m = DATE_IN_NAME.matcher(fileName);
    String last = null;
    while (m.find()) {
      try {
        LocalDate d =
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        last = ExportValues.iso(d.atTime(23, 59, 59).atZone(zone).toInstant(), zone);
      } catch (DateTimeException | NumberFormatException e) {
        // not a date
      }
    }
    return last;
  }
}
