package org.megaphone.read;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.megaphone.rules.Counts;
import org.megaphone.rules.Handles;
import org.megaphone.rules.Platforms;
import org.megaphone.rules.Timestamps;

/**
 * One well-formed CSV record seen through its file's header. Getters apply the contract's field
 * rules and throw {@link RowRejected} with the reason that goes to rejects.csv.
 */
public final class Row {
  private final Map<String, Integer> columns;
  private final List<String> fields;

  Row(Map<String, Integer> columns, List<String> fields) {
    this.columns = columns;
    this.fields = fields;
  }

  /** A row given as column -> value (an export's row mapped onto the contract's columns). */
  public static Row of(Map<String, String> values) {
    Map<String, Integer> columns = new HashMap<>();
    List<String> fields = new ArrayList<>();
    values.forEach(
        (column, value) -> {
          columns.put(column, fields.size());
          fields.add(value == null ? "" : value);
        });
    return new Row(columns, fields);
  }

  /** The trimmed value, or null when the column is absent or the cell is empty. */
  public String optional(String column) {
    Integer i = columns.get(column);
    if (i == null || i >= fields.size()) {
      return null;
    }
    String v = fields.get(i).trim();
    return v.isEmpty() ? null : v;
  }

  public String required(String column) {
    String v = optional(column);
    if (v == null) {
      throw new RowRejected("missing required field: " + column);
    }
    return v;
  }

  public String platform(String column) {
    String v = required(column);
    return Platforms.canonical(v)
        .orElseThrow(() -> new RowRejected("unknown platform: " + column + "='" + v + "'"));
  }

  public String handle(String column) {
    String h = Handles.normalise(required(column));
    if (h.isEmpty()) {
      throw new RowRejected("missing required field: " + column);
    }
    return h;
  }

  public long timestamp(String column, ZoneId zone) {
    return parseTimestamp(column, required(column), zone);
  }

  public Long optionalTimestamp(String column, ZoneId zone) {
    String v = optional(column);
    return v == null ? null : parseTimestamp(column, v, zone);
  }

  public long count(String column) {
    return parseCount(column, required(column));
  }

  /** A counter whose empty value means 0 (posts' likes, comments, shares, saves). */
  public long countOrZero(String column) {
    String v = optional(column);
    return v == null ? 0L : parseCount(column, v);
  }

  public Long optionalCount(String column) {
    String v = optional(column);
    return v == null ? null : parseCount(column, v);
  }

  public String language(String column) {
    String v = optional(column);
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }

  private static long parseTimestamp(String column, String value, ZoneId zone) {
    try {
      return Timestamps.parse(value, zone).toEpochMilli();
    } catch (IllegalArgumentException e) {
      throw new RowRejected("unparseable timestamp: " + column + "='" + value + "'");
    }
  }

  private static long parseCount(String column, String value) {
    try {
      return Counts.parseNonNegative(value);
    } catch (Counts.TooLarge e) {
      throw new RowRejected(
          "count above " + Counts.MAX + " (no real post has it): " + column + "='" + value + "'");
    } catch (IllegalArgumentException e) {
      throw new RowRejected("not a non-negative integer: " + column + "='" + value + "'");
    }
  }
}
