package org.megaphone.weekly;

import java.util.List;
import org.megaphone.write.Cells;

/**
 * claims_weekly.csv (D36): per week, claim and platform, where the claim spread and whether the
 * campaign answered it there. posts, engagement and views are of the posts carrying the claim
 * that are not campaign posts (the spread); counter_posts and counter_engagement of the campaign
 * posts carrying it (the answer); coverage = counter_engagement / engagement, empty when
 * engagement is 0. A row for every week, claim and platform with such a post published or views
 * credited to the spread. Sums from {@link SumReports} ({@link ReportKey.Kind#CLAIM}).
 */
public final class ClaimsWeekly {

  private ClaimsWeekly() {}

  /** The cells of a row from the spread's and the answer's totals (either may be zero). */
  public static List<String> cells(String week, String claim, String platform, WeeklyTotals spread, WeeklyTotals counter) {
    return List.of(
        week, Cells.text(claim), platform, Cells.integer(spread.getPosts()), Cells.integer(spread.engagement()),
        Cells.integer(spread.getViews()), Cells.integer(counter.getPosts()), Cells.integer(counter.engagement()),
        Cells.ratio(counter.engagement(), spread.engagement()));
  }
}
