package org.megaphone.weekly;

import java.util.List;
import org.megaphone.write.Cells;

/**
 * claims_weekly.csv (D36): per week, claim and platform, where the claim spread and whether the
 * campaign answered it there. posts, engagement and views are of the posts carrying the claim that
 * are not campaign posts (the spread); counter_posts and counter_engagement of the campaign posts
 * carrying it (the answer); coverage = counter_engagement / engagement, empty when engagement is 0.
 * A row for every week, claim and platform with such a post published or views credited to the
 * spread. Sums from {@link SumReports} ({@link ReportKey.Kind#CLAIM}).
 */
public final class ClaimsWeekly {

  private ClaimsWeekly() {}

  /** Where a fact of a post carrying a claim counts in the claim's row. */
  public enum Side {
    /** posts, engagement, views: a post that is not a campaign post spreads the claim. */
    SPREAD,
    /** counter_posts, counter_engagement: a campaign post answers it. */
    ANSWER,
    /** Nowhere: the views of an answer (the answer is measured by its engagement). */
    NONE
  }

  /**
   * D36, the answer rule, for the publication of a post carrying a claim (counted by its
   * publication week) or for the views credited to it in a week ({@code views}).
   */
  public static Side side(boolean campaignPost, boolean views) {
    if (!campaignPost) {
      return Side.SPREAD;
    }
    return views ? Side.NONE : Side.ANSWER;
  }

  /** The cells of a row from the spread's and the answer's totals (either may be zero). */
  public static List<String> cells(
      String week, String claim, String platform, WeeklyTotals spread, WeeklyTotals counter) {
    return List.of(
        week,
        Cells.text(claim),
        platform,
        Cells.integer(spread.getPosts()),
        Cells.integer(spread.engagement()),
        Cells.integer(spread.getViews()),
        Cells.integer(counter.getPosts()),
        Cells.integer(counter.engagement()),
        Cells.ratio(counter.engagement(), spread.engagement()));
  }
}
