package org.megaphone.weekly;

import java.util.ArrayList;
import java.util.List;
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
 * themes_weekly.csv (D35): one row per week, theme and role of the entity credited (empty for
 * unattributed) with posts published or views credited that week. A post counts under each of
 * its themes; its engagement in the week it was published, its views in the weeks they were
 * credited.
 *
 * <p>Input: attributed posts (with themes); credited views via the constructor. Output: the rows.
 */
public final class ThemesWeekly extends PTransform<PCollection<AttributedPost>, PCollection<ReportRow>> {
  public static final List<String> HEADER = List.of("week", "theme", "role", "posts", "engagement", "views");

  private final PCollection<CreditedView> credits;

  public ThemesWeekly(PCollection<CreditedView> credits) {
    this.credits = credits;
  }

  @java.lang.Override
  public PCollection<ReportRow> expand(PCollection<AttributedPost> posts) {
    return posts
        .apply(
            "SumPerThemeWeek",
            SumWeekly.fanOut(
                credits,
                p -> keys(p.getWeek(), p.getThemes(), p.getRole()),
                v -> keys(v.getWeek(), v.getThemes(), v.getRole())))
        .apply("FormatThemeRows", FlatMapElements.via(new FormatFn()));
  }

  static List<String> keys(String week, List<String> themes, String role) {
    List<String> keys = new ArrayList<>();
    for (String theme : themes) {
      keys.add(SumWeekly.key(week, theme, role));
    }
    return keys;
  }

  /** The cells of a row. */
  public static List<String> cells(String week, String theme, String role, WeeklyTotals t) {
    return List.of(
        week, Cells.text(theme), Cells.text(role), Cells.integer(t.getPosts()), Cells.integer(t.engagement()),
        Cells.integer(t.getViews()));
  }

  private static final class FormatFn extends SimpleFunction<Map<String, WeeklyTotals>, Iterable<ReportRow>> {
    @java.lang.Override
    public Iterable<ReportRow> apply(Map<String, WeeklyTotals> totals) {
      List<ReportRow> rows = new ArrayList<>();
      totals.forEach(
          (k, t) -> {
            String[] key = SumWeekly.parts(k);
            rows.add(ReportRow.create(List.of(key[0], key[1], key[2]), cells(key[0], key[1], key[2], t)));
          });
      return rows;
    }
  }
}
