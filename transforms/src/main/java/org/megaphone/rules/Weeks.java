package org.megaphone.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * Contract section 4, Weeks: ISO weeks, Monday 00:00 to Monday 00:00 in the dataset zone, labelled
 * by week-based year ({@code 2020-W14}). Weeks that contain a daylight-saving change are 167 or
 * 169 hours long; they are computed on local dates, never as fixed 7-day spans.
 */
public final class Weeks {
  private Weeks() {}

  public static String label(long epochMillis, ZoneId zone) {
    LocalDate date = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
    return String.format(
        java.util.Locale.ROOT,
        "%04d-W%02d",
        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The Monday that starts the labelled week. */
  public static LocalDate monday(String label) {
    int year = Integer.parseInt(label.substring(0, 4));
    int week = Integer.parseInt(label.substring(6));
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The instant the labelled week starts: its Monday's first moment in the zone. */
  public static long startMillis(String label, ZoneId zone) {
    return monday(label).atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /** The instant the labelled week ends: the next Monday's first moment in the zone. */
  public static long endMillis(String label, ZoneId zone) {
    ZonedDateTime next = monday(label).plusWeeks(1).atStartOfDay(zone);
    return next.toInstant().toEpochMilli();
  }
}
