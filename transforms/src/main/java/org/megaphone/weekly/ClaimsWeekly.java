package org.megaphone.weekly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.PCollection;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.CreditedView;
import org.megaphone.write.Cells;
import org.megaphone.write.ReportRow;

/**
 * claims_weekly.csv (D36): per week, claim and platform, where the claim spread and whether the
 * campaign answered it there. posts, engagement and views are of the posts carrying the claim
 * that are not campaign posts (the spread); counter_posts and counter_engagement of the campaign
 * posts carrying it (the answer); coverage = counter_engagement / engagement, empty when
 * engagement is 0. A row for every week, claim and platform with such a post published or views
 * credited to the spread.
 *
 * <p>Input: attributed posts (with claims); credited views via the constructor. Output: the rows.
 */
public final class ClaimsWeekly extends PTransform<PCollection<AttributedPost>, PCollection<ReportRow>> {
  public static final List<String> HEADER =
      List.of("week", "claim_id", "platform", "posts", "engagement", "views", "counter_posts", "counter_engagement", "coverage");
  static final String SPREAD = "spread";
  static final String COUNTER = "counter";

  private final PCollection<CreditedView> credits;

  public ClaimsWeekly(PCollection<CreditedView> credits) {
    this.credits = credits;
  }

  @java.lang.Override
  public PCollection<ReportRow> expand(PCollection<AttributedPost> posts) {
    return posts
        .apply(
            "SumPerClaimWeek",
            SumWeekly.fanOut(
                credits,
                p -> keys(p.getWeek(), p.getClaims(), p.getPlatform(), p.getCampaign()),
                // Views count for the spread only: the answer is measured by its engagement.
                v -> v.getCampaign() ? List.of() : keys(v.getWeek(), v.getClaims(), v.getPlatform(), false)))
        .apply("FormatClaimRows", FlatMapElements.via(new FormatFn()));
  }

  static List<String> keys(String week, List<String> claims, String platform, boolean campaign) {
    List<String> keys = new ArrayList<>();
    for (String claim : claims) {
      keys.add(SumWeekly.key(week, claim, platform, campaign ? COUNTER : SPREAD));
    }
    return keys;
  }

  /** The cells of a row from the spread's and the answer's totals (either may be zero). */
  public static List<String> cells(String week, String claim, String platform, WeeklyTotals spread, WeeklyTotals counter) {
    return List.of(
        week, Cells.text(claim), platform, Cells.integer(spread.getPosts()), Cells.integer(spread.engagement()),
        Cells.integer(spread.getViews()), Cells.integer(counter.getPosts()), Cells.integer(counter.engagement()),
        Cells.ratio(counter.engagement(), spread.engagement()));
  }

  private static final class FormatFn extends SimpleFunction<Map<String, WeeklyTotals>, Iterable<ReportRow>> {
    @java.lang.Override
    public Iterable<ReportRow> apply(Map<String, WeeklyTotals> totals) {
      // (week, claim, platform) → [spread, counter]
      Map<String, WeeklyTotals[]> rows = new TreeMap<>();
      totals.forEach(
          (k, t) -> {
            String[] key = SumWeekly.parts(k);
            WeeklyTotals[] sides =
                rows.computeIfAbsent(SumWeekly.key(key[0], key[1], key[2]), x -> new WeeklyTotals[] {WeeklyTotals.ZERO, WeeklyTotals.ZERO});
            int side = key[3].equals(COUNTER) ? 1 : 0;
            sides[side] = sides[side].plus(t);
          });
      List<ReportRow> out = new ArrayList<>();
      rows.forEach(
          (k, sides) -> {
            String[] key = SumWeekly.parts(k);
            out.add(ReportRow.create(List.of(key[0], key[1], key[2]), cells(key[0], key[1], key[2], sides[0], sides[1])));
          });
      return out;
    }
  }
}
