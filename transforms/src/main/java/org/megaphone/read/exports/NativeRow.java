package org.megaphone.read.exports;

import java.util.Locale;
import java.util.Map;

/** One record of a native export, seen through its header (names lower-cased and trimmed). */
public final class NativeRow {
  private final Map<String, String> values;

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
}
