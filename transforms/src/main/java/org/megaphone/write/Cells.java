package org.megaphone.write;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import org.megaphone.rules.Timestamps;

/** Contract section 5: how each kind of cell is written. */
public final class Cells {
  private Cells() {}

  /**
   * Text from the data. A cell that begins with {@code = + - @}, tab or CR gets a leading {@code '}
   * so that a spreadsheet does not run it as a formula. Null is the empty cell.
   */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char c = value.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + value;
    }
    return value;
  }

  public static String integer(long value) {
    return Long.toString(value);
  }

  public static String integer(Long value) {
    return value == null ? "" : Long.toString(value);
  }

  public static String bool(boolean value) {
    return value ? "true" : "false";
  }

  /** Rates and decimal figures: 6 decimals, half-even on the exact value; null is empty. */
  public static String decimal(BigDecimal value) {
    return value == null ? "" : value.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** {@code numerator / denominator} with 6 decimals; empty when the denominator is 0. */
  public static String ratio(long numerator, long denominator) {
    if (denominator == 0) {
      return "";
    }
    return decimal(quotient(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator)));
  }

  /** The exact quotient rounded once, half-even, to the 6 decimals written. */
  public static BigDecimal quotient(BigDecimal numerator, BigDecimal denominator) {
    return numerator.divide(denominator, 6, RoundingMode.HALF_EVEN);
  }

  public static String timestamp(long epochMillis, ZoneId zone) {
    return Timestamps.format(epochMillis, zone);
  }
}
