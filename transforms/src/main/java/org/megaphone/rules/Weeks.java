package org.megaphone.rules;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Contract section 4, Weeks: ISO weeks, Monday 00:00 to Monday 00:00 in the dataset zone, labelled
 * by week-based year ({@code 2020-W14}). Weeks that contain a daylight-saving change are 167 or 169
 * hours long; they are computed on local dates, never as fixed 7-day spans.
 */
public final class Weeks {
  private Weeks() {}

  public static String label(long epochMillis, ZoneId zone) {
    return label(Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate());
  }

  /** The label of the week the date falls in. */
  public static String label(LocalDate date) {
    int year = date.get(IsoFields.WEEK_BASED_YEAR);
    int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    if (year < 0 || year > 9999) {
      return String.format(Locale.ROOT, "%04d-W%02d", year, week);
    }
    // As String.format("%04d-W%02d") writes it, without its parser: this runs for every post and
    // gain.
    char[] c = {
      (char) ('0' + year / 1000),
      (char) ('0' + year / 100 % 10),
      (char) ('0' + year / 10 % 10),
      (char) ('0' + year % 10),
      '-',
      'W',
      (char) ('0' + week / 10),
      (char) ('0' + week % 10)
    };
    return new String(c);
  }

  /**
   * Labels instants that mostly fall in the week of the one before (a post's snapshots in time
   * order): the last week's bounds are kept, so such an instant costs two comparisons.
   */
  public static final class Labeller {
    private final ZoneId zone;
    private String label;
    private long start;
    private long end;

    public Labeller(ZoneId zone) {
      this.zone = zone;
    }

    public String label(long epochMillis) {
      if (label == null || epochMillis < start || epochMillis >= end) {
        label = Weeks.label(epochMillis, zone);
        start = startMillis(label, zone);
        end = endMillis(label, zone);
      }
      return label;
    }
  }

  /** The labels from one week to another, both included, every week in between too. */
  public static List<String> between(String first, String last) {
    List<String> labels = new ArrayList<>();
    for (LocalDate d = monday(first); !d.isAfter(monday(last)); d = d.plusWeeks(1)) {
      labels.add(label(d));
    }
    return labels;
  }

  /** Whether the value is the label of a week that exists, like 2020-W53 (2021-W53 does not). */
  public static boolean isLabel(String value) {
    if (!value.matches("\\d{4}-W\\d{2}")) {
      return false;
    }
    try {
      return label(monday(value)).equals(value);
    } catch (DateTimeException e) {
      return false;
    }
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
