package org.megaphone.rules;

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
 * Contract section 2, Timestamps: ISO-8601 with an offset or Z; a local date-time or a bare date
 * is read in the dataset time zone. Accepted shapes are listed in the contract copy, D5.
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
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("invalid date or time: " + e.getMessage());
    }
  }

  /** Contract section 5: ISO-8601 with seconds and the offset of the zone at that instant. */
  public static String format(long epochMillis, ZoneId zone) {
    return OUTPUT.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }
}
