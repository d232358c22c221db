package org.megaphone.pipelines.testing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times for the live tests, whose awaited rows need a post and its view in one ISO week. */
public final class SameWeek {
  private SameWeek() {}

  /**
   * When to publish a post whose view is observed at {@code now}: an hour before, or the first
   * second of now's ISO week (UTC) when that hour would cross into the week before. In the first
   * hour of a Monday the view's gain was credited to a week the post was not in, and the awaited
   * row never came.
   */
  public static Instant publishedBefore(Instant now) {
    Instant weekStart =
        now.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .with(DayOfWeek.MONDAY)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    Instant hourBefore = now.minus(1, ChronoUnit.HOURS);
    return hourBefore.isBefore(weekStart) ? weekStart : hourBefore;
  }
}
