package org.megaphone.model;

/**
 * A row that several exports may repeat: what contract section 4, Duplicates, compares to pick the
 * row to keep.
 */
public interface ExportRow {
  /** When the export was taken (epoch ms), or null when not given. */
  Long getExportedAt();

  long engagement();

  /** The row's raw record text, the last tie-breaker of the contract. */
  String rawRecord();

  /** The file the row was read from; with {@link #sourceLine}, makes ties deterministic. */
  String sourceFile();

  long sourceLine();
}
