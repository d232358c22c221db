package org.megaphone.read.exports;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record of a native export, seen through its header (names lower-cased and trimmed), and
 * what reading it had to adjust (a profile's known quirks, counted per file in summary.json).
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
        String value = v.strip();
        String grouping = ExportValues.grouping(value);
        if (grouping != null) {
          groupings.merge(grouping, 1L, Long::sum);
        }
        return value;
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
   * How the cells this row was read for grouped thousands, as counts of {@code 1,234},
   * {@code 1.234} and {@code 1 234} ({@link ExportValues#grouping}).
   */
  public Map<String, Long> groupings() {
    return groupings;
  }
}
