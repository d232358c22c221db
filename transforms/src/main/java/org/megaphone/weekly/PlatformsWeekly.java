package org.megaphone.weekly;

import java.util.List;
import org.megaphone.write.Cells;

/**
 * platforms_weekly.csv: one row per week, platform and language (the post's, else its author's
 * roster language, else empty); sums from {@link SumReports} ({@link ReportKey.Kind#PLATFORM}).
 */
public final class PlatformsWeekly {

  private PlatformsWeekly() {}

  /** The cells of one row. */
  public static List<String> cells(String week, String platform, String language, WeeklyTotals t) {
    return List.of(
        week,
        platform,
        Cells.text(language),
        Cells.integer(t.getPosts()),
        Cells.integer(t.getCampaignPosts()),
        Cells.integer(t.engagement()),
        Cells.integer(t.getViews()));
  }
}
