package org.megaphone.rules;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contract section 2, Timestamps: ISO-8601 with an offset or Z; a local date-time or a bare date is
 * read in the dataset time zone. Accepted shapes are listed in the contract copy, D5.
 */
public final class Timestamps {
  private static final Pattern SHAPE =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2})(:\\d{2}(?:[.,]\\d{1,9})?)?"
              + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?");

  private static final DateTimeFormatter OUTPUT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private Timestamps() {}

  /**
   * Parses a contract timestamp.
   *
   * @throws IllegalArgumentException when the value has none of the accepted shapes or is not a
   *     valid date or time
   */
  public static Instant parse(String value, ZoneId zone) {
    Instant fast = parseCommon(value, zone);
    return fast != null ? fast : parseAny(value, zone);
  }

  /**
   * The shape nearly every row has, {@code 2020-03-30T10:00:00} with optional fraction and {@code
   * Z} or {@code ±HH[:MM]}, read without the pattern and the formatters (they were 39% of the time
   * spent reading views). Null when the value has another shape or is not a valid date or time:
   * {@link #parseAny} then reads it, or says why not, exactly as before.
   */
  static Instant parseCommon(String v, ZoneId zone) {
    int n = v.length();
    if (n < 19
        || v.charAt(4) != '-'
        || v.charAt(7) != '-'
        || (v.charAt(10) != 'T' && v.charAt(10) != ' ')
        || v.charAt(13) != ':'
        || v.charAt(16) != ':') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 2);
    int day = digits(v, 8, 2);
    int hour = digits(v, 11, 2);
    int minute = digits(v, 14, 2);
    int second = digits(v, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && (v.charAt(i) == '.' || v.charAt(i) == ',')) {
      int start = ++i;
      while (i < n && i - start < 9 && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
        nanos = nanos * 10 + (v.charAt(i) - '0');
        i++;
      }
      if (i == start) {
        return null;
      }
      for (int k = i - start; k < 9; k++) {
        nanos *= 10;
      }
    }
    try {
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      if (i == n) {
        return local.atZone(zone).toInstant();
      }
      char c = v.charAt(i);
      if ((c == 'Z' || c == 'z') && i + 1 == n) {
        return local.toInstant(ZoneOffset.UTC);
      }
      if (c != '+' && c != '-') {
        return null;
      }
      int hours = digits(v, i + 1, 2);
      int minutes;
      if (i + 3 == n) {
        minutes = 0;
      } else if (i + 6 == n && v.charAt(i + 3) == ':') {
        minutes = digits(v, i + 4, 2);
      } else if (i + 5 == n) {
        minutes = digits(v, i + 3, 2);
      } else {
        return null;
      }
      if (hours < 0 || minutes < 0) {
        return null;
      }
      int sign = c == '-' ? -1 : 1;
      return OffsetDateTime.of(local, ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes))
          .toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number written by {@code length} ASCII digits at {@code from}, or -1. */
  private static int digits(String v, int from, int length) {
    if (from + length > v.length()) {
      return -1;
    }
    int x = 0;
    for (int i = from; i < from + length; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      x = x * 10 + (c - '0');
    }
    return x;
  }

  /** Every accepted shape (D5), with the reason when a value has none. */
  static Instant parseAny(String value, ZoneId zone) {
    String v = value.trim();
    Matcher m = SHAPE.matcher(v);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an ISO-8601 timestamp");
    }
    try {
      LocalDate date = LocalDate.parse(m.group(1));
      if (m.group(2) == null) {
        return date.atStartOfDay(zone).toInstant();
      }
      String seconds = m.group(3) == null ? ":00" : m.group(3).replace(',', '.');
      LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2) + seconds);
      String offset = m.group(4);
      if (offset == null) {
        return local.atZone(zone).toInstant();
      }
      if (offset.equalsIgnoreCase("z")) {
        return local.toInstant(ZoneOffset.UTC);
      }
      String normalised = offset.length() == 3 ? offset + ":00" : offset;
      if (normalised.length() == 5) {
        normalised = normalised.substring(0, 3) + ":" + normalised.substring(3);
      }
      return OffsetDateTime.of(local, ZoneOffset.of(normalised)).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("invalid date or time: " + e.getMessage());
    }
  }

  /** Contract section 5: ISO-8601 with seconds and the offset of the zone at that instant. */
  public static String format(long epochMillis, ZoneId zone) {
    return OUTPUT.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }
}
