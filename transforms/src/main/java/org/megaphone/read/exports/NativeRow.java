package org.megaphone.read.exports;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record of a native export, seen through its header (names lower-cased and trimmed), and what
 * reading it had to adjust (a profile's known quirks, counted per file in summary.json).
 */
public final class NativeRow {
  private final Map<String, String> values;
  private final Map<String, Long> adjustments = new TreeMap<>();
  private final Map<String, Long> groupings = new TreeMap<>();

  NativeRow(Map<String, String> values) {
    this.values = values;
  }

  /** The first non-empty value among the named columns (any case), trimmed; null if none. */
  public String get(String... columns) {
    for (String column : columns) {
      String v = values.get(column.toLowerCase(Locale.ROOT));
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  /** The first column whose name starts with {@code prefix} (e.g. CrowdTangle's weighted score). */
  public String getByPrefix(String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().startsWith(p) && e.getValue() != null && !e.getValue().isBlank()) {
        return e.getValue().strip();
      }
    }
    return null;
  }

  /** Notes that reading this row adjusted one of its cells or its record ({@link Adjustments}). */
  public void adjusted(String adjustment) {
    adjustments.merge(adjustment, 1L, Long::sum);
  }

  /** The adjustments reading this row made, by name. */
  public Map<String, Long> adjustments() {
    return adjustments;
  }

  /**
   * The count in the first non-empty of the named columns ({@link ExportValues#count}), noting how
   * it groups thousands for the file's number format.
   */
  public String count(String column, String... columns) {
    String value = get(columns);
    noteGrouping(value);
    return ExportValues.count(column, value);
  }

  /** The sum of the counts in the named columns ({@link ExportValues#sum}), noted as above. */
  public String sum(String column, String... columns) {
    String[] values = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = get(columns[i]);
      noteGrouping(values[i]);
    }
    return ExportValues.sum(column, values);
  }

  /** Notes how a count cell groups thousands, if it does. */
  void noteGrouping(String count) {
    String grouping = count == null ? null : ExportValues.grouping(count.strip());
    if (grouping != null) {
      groupings.merge(grouping, 1L, Long::sum);
    }
  }

  /**
   * How the count cells this row was read for grouped thousands, as counts of {@code 1,234}, {@code
   * 1.234} and {@code 1 234} ({@link ExportValues#grouping}).
   */
  public Map<String, Long> groupings() {
    return groupings;
  }
}
