package org.megaphone.read.exports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.megaphone.read.RowRejected;

/**
 * How native exports write numbers and times, turned into the contract's canonical strings (plain
 * digits; ISO-8601 with offset). Each method throws {@link RowRejected} with a reason.
 */
public final class ExportValues {
  private static final Pattern GROUPED =
      Pattern.compile("\\d{1,3}(?:[,.\\u00a0\\u202f\\u2009 ]\\d{3})+");
  private static final Pattern ABBREVIATED = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*([kKmMbB])");

  /** A cell that may end with a zone: the rest, then letters or a numeric offset. */
  private static final Pattern ZONED =
      Pattern.compile("(.*\\S)\\s+([A-Za-z]{1,6}|[+-]\\d{2}(?::?\\d{2})?)");

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private ExportValues() {}

  /**
   * A count as exports write it: digits; groups of three separated by a comma, a dot or a space
   * ({@code 1,234}, {@code 1.234}, {@code 1 234}: a count is whole, so a dot before three digits
   * can only group them); a single {@code .0} fraction ({@code 424.0}, X's floats); or an
   * abbreviation with a decimal point or comma ({@code 1.2K}, {@code 1,2K}, {@code 3M}). Null,
   * blank or {@code -} is null.
   */
  public static String count(String column, String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.isEmpty() || v.equals("-")) {
      return null;
    }
    if (v.matches("\\d+")) {
      return v;
    }
    if (v.matches("\\d+\\.0")) {
      return v.substring(0, v.indexOf('.'));
    }
    if (GROUPED.matcher(v).matches()) {
      return v.replaceAll("[^\\d]", "");
    }
    Matcher m = ABBREVIATED.matcher(v);
    if (m.matches()) {
      long scale =
          switch (Character.toUpperCase(m.group(2).charAt(0))) {
            case 'K' -> 1_000L;
            case 'M' -> 1_000_000L;
            default -> 1_000_000_000L;
          };
      BigDecimal n =
          new BigDecimal(m.group(1).replace(',', '.')).multiply(BigDecimal.valueOf(scale));
      if (n.stripTrailingZeros().scale() <= 0) {
        return n.toBigInteger().toString();
      }
    }
    throw new RowRejected("not a count: " + column + "='" + value + "'");
  }

  /**
   * A count that a date-ranged export may write as a net figure (gained minus removed, YouTube
   * Studio's likes): a negative whole number ({@code -3}, {@code -1,204}, with a minus sign or
   * U+2212) is read as 0 and noted on the row ({@link Adjustments#NET_COUNTS_AS_ZERO}); anything
   * else reads as {@link #count}.
   */
  public static String netCount(String column, String value, NativeRow row) {
    row.noteGrouping(value);
    if (value != null) {
      String v = value.strip();
      if (!v.isEmpty() && (v.charAt(0) == '-' || v.charAt(0) == '\u2212') && v.length() > 1) {
        // What follows the sign must itself be a count, so '-12a' or '--' still reject.
        String magnitude;
        try {
          magnitude = count(column, v.substring(1));
        } catch (RowRejected e) {
          magnitude = null;
        }
        if (magnitude == null) {
          throw new RowRejected("not a count: " + column + "='" + value + "'");
        }
        if (!magnitude.equals("0")) {
          row.adjusted(Adjustments.NET_COUNTS_AS_ZERO);
        }
        return "0";
      }
    }
    return count(column, value);
  }

  /**
   * How a cell groups thousands, when it is a number with groups ({@code 1,234}, {@code 1.234},
   * {@code 1 234} with any space): that spelling; null for anything else. A count is whole, so a
   * separator before exactly three digits can only group them, in any locale: a file's grouping is
   * stated in summary.json, not needed to read it.
   */
  public static String grouping(String cell) {
    if (!GROUPED.matcher(cell).matches()) {
      return null;
    }
    char separator = cell.charAt(cell.length() - 4);
    return separator == ',' ? "1,234" : separator == '.' ? "1.234" : "1 234";
  }

  /** The sum of several count cells; null when all are null. */
  public static String sum(String column, String... values) {
    Long total = null;
    for (String v : values) {
      String c = count(column, v);
      if (c != null) {
        total = (total == null ? 0 : total) + Long.parseLong(c);
      }
    }
    return total == null ? null : Long.toString(total);
  }

  /**
   * A timestamp in one of {@code patterns} (java.time patterns, English month names), with an
   * optional trailing zone abbreviation or offset ({@link ZoneAbbreviations}); without one it is
   * local to the file's zone (exports/sources.csv's {@code zone} column), else to --timezone.
   *
   * @throws InputException when the abbreviation cannot be read as one offset (the run stops)
   */
  public static String timestamp(String column, String value, ExportFile file, String... patterns) {
    return timestamp(column, value, file.zone(), file.fileZone(), file.path(), patterns);
  }

  /**
   * As above, for a value of no particular file, local to {@code zone} without a zone of its own.
   */
  public static String timestamp(String column, String value, ZoneId zone, String... patterns) {
    return timestamp(column, value, zone, null, null, patterns);
  }

  private static String timestamp(
      String column, String value, ZoneId zone, ZoneId fileZone, String path, String... patterns) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    Matcher zoned = ZONED.matcher(v);
    if (zoned.matches()) {
      String abbreviation = zoned.group(2).toUpperCase(Locale.ROOT);
      LocalDateTime local = local(zoned.group(1), patterns);
      // Only a cell whose rest is a time in one of the patterns ends with a zone ("23 March" does
      // not).
      if (local != null && !abbreviation.equals("AM") && !abbreviation.equals("PM")) {
        String where = (path == null ? "" : path + ": ") + column + "='" + value + "'";
        ZoneOffset offset;
        try {
          offset = ZoneAbbreviations.offset(abbreviation, local, fileZone, zone, where);
        } catch (DateTimeException e) {
          throw new RowRejected("unparseable timestamp: " + column + "='" + value + "'");
        }
        return iso(local.toInstant(offset), zone);
      }
    }
    LocalDateTime local = local(v, patterns);
    if (local == null) {
      throw new RowRejected("unparseable timestamp: " + column + "='" + value + "'");
    }
    return iso(local.atZone(fileZone != null ? fileZone : zone).toInstant(), zone);
  }

  /** A local time in the first of the patterns that reads it, or null. */
  private static LocalDateTime local(String v, String... patterns) {
    for (String pattern : patterns) {
      DateTimeFormatter f =
          new DateTimeFormatterBuilder()
              .parseCaseInsensitive()
              .appendPattern(pattern)
              .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
              .toFormatter(Locale.ENGLISH);
      try {
        return LocalDateTime.parse(v, f);
      } catch (DateTimeParseException e) {
        // try the next pattern
      }
    }
    return null;
  }

  /** A date as the last second of that day in {@code zone}, for daily figures. */
  public static String endOfDay(String column, String value, ZoneId zone) {
    try {
      LocalDate date = LocalDate.parse(value.strip());
      return iso(date.atTime(23, 59, 59).atZone(zone).toInstant(), zone);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new RowRejected("unparseable date: " + column + "='" + value + "'");
    }
  }

  /** Unix seconds as a canonical timestamp. */
  public static String unixSeconds(String column, String value, ZoneId zone) {
    try {
      return iso(
          Instant.ofEpochSecond(Long.parseLong(value.strip().replaceAll("\\.0+$", ""))), zone);
    } catch (NumberFormatException | NullPointerException e) {
      throw new RowRejected("not Unix seconds: " + column + "='" + value + "'");
    }
  }

  public static String iso(Instant instant, ZoneId zone) {
    return ISO.format(instant.atZone(zone));
  }
}
