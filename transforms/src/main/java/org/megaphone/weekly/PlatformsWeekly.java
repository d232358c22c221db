package org.megaphone.weekly;

import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.PCollection;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.CreditedView;
import org.megaphone.write.Cells;
import org.megaphone.write.ReportRow;

/**
 * platforms_weekly.csv: one row per week, platform and language (the post's, else its author's
 * roster language, else empty).
 *
 * <p>Input: attributed posts; credited views via the constructor. Output: the rows.
 */
public final class PlatformsWeekly
    extends PTransform<PCollection<AttributedPost>, PCollection<ReportRow>> {
  public static final List<String> HEADER =
      List.of("week", "platform", "language", "posts", "campaign_posts", "engagement", "views");

  private final PCollection<CreditedView> credits;

  public PlatformsWeekly(PCollection<CreditedView> credits) {
    this.credits = credits;
  }

  @java.lang.Override
  public PCollection<ReportRow> expand(PCollection<AttributedPost> posts) {
    return posts
        .apply(
            "SumPerPlatformWeek",
            SumWeekly.counts(
                credits,
                p -> SumWeekly.key(p.getWeek(), p.getPlatform(), p.getLanguage()),
                v -> SumWeekly.key(v.getWeek(), v.getPlatform(), v.getLanguage())))
        .apply("FormatPlatformRows", FlatMapElements.via(new FormatFn()));
  }

  private static final class FormatFn
      extends SimpleFunction<Map<String, WeeklyTotals>, Iterable<ReportRow>> {
    @java.lang.Override
    public Iterable<ReportRow> apply(Map<String, WeeklyTotals> totals) {
      List<ReportRow> rows = new ArrayList<>();
      totals.forEach((k, t) -> rows.add(row(SumWeekly.parts(k), t)));
      return rows;
    }

    private static ReportRow row(String[] key, WeeklyTotals t) {
      return ReportRow.create(
          List.of(key[0], key[1], key[2]),
          List.of(
              key[0],
              key[1],
              Cells.text(key[2]),
              Cells.integer(t.getPosts()),
              Cells.integer(t.getCampaignPosts()),
              Cells.integer(t.engagement()),
              Cells.integer(t.getViews())));
    }
  }
}
