package org.megaphone.weekly;

import java.util.List;
import org.megaphone.attribution.Roster;
import org.megaphone.write.Cells;

/**
 * entities_weekly.csv: one row per week and entity, {@code (unattributed)} included; its sums come
 * from {@link SumReports} ({@link ReportKey.Kind#ENTITY}), its rows from {@link FormatReports}.
 */
public final class EntitiesWeekly {

  private EntitiesWeekly() {}

  /** The cells of one row. */
  public static List<String> cells(String week, String entityId, Roster.Entity e, WeeklyTotals t) {
    return List.of(
        week,
        Cells.text(entityId),
        Cells.text(e == null ? entityId : e.name()),
        Cells.text(e == null ? null : e.role()),
        Cells.text(e == null ? null : e.cohort()),
        Cells.text(e == null ? null : e.municipality()),
        Cells.integer(t.getPosts()),
        Cells.integer(t.getCampaignPosts()),
        Cells.integer(t.getLikes()),
        Cells.integer(t.getComments()),
        Cells.integer(t.getShares()),
        Cells.integer(t.getSaves()),
        Cells.integer(t.engagement()),
        Cells.integer(t.getViews()),
        Cells.decimal(t.engagementRate()));
  }
}
