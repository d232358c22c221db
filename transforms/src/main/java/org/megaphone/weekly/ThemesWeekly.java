package org.megaphone.weekly;

import java.util.List;
import org.megaphone.write.Cells;

/**
 * themes_weekly.csv (D35): one row per week, theme and role of the entity credited (empty for
 * unattributed) with posts published or views credited that week. A post counts under each of its
 * themes; its engagement in the week it was published, its views in the weeks they were credited.
 * Sums from {@link SumReports} ({@link ReportKey.Kind#THEME}).
 */
public final class ThemesWeekly {

  private ThemesWeekly() {}

  /** The cells of a row. */
  public static List<String> cells(String week, String theme, String role, WeeklyTotals t) {
    return List.of(
        week,
        Cells.text(theme),
        Cells.text(role),
        Cells.integer(t.getPosts()),
        Cells.integer(t.engagement()),
        Cells.integer(t.getViews()));
  }
}
