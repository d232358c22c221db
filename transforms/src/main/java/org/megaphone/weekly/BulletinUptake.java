package org.megaphone.weekly;

import java.time.ZoneId;
import java.util.List;
import org.megaphone.model.Bulletin;
import org.megaphone.write.Cells;

/**
 * bulletin_uptake.csv: one row per bulletin, with or without posts credited to it; sums from {@link
 * SumReports} ({@link ReportKey.Kind#BULLETIN}).
 */
public final class BulletinUptake {

  private BulletinUptake() {}

  /** The cells of one bulletin's row; {@code t} is null when no post was credited to it. */
  public static List<String> cells(Bulletin b, UptakeTotals t, ZoneId zone) {
    long adopters = t == null ? 0 : t.adopters();
    Long audience = b.getAudience();
    return List.of(
        Cells.text(b.getBulletinId()),
        Cells.text(b.getCampaign()),
        Cells.text(b.getLanguage()),
        Cells.timestamp(b.getSentAt(), zone),
        Cells.integer(audience),
        Cells.integer(adopters),
        audience == null ? "" : Cells.ratio(adopters, audience),
        Cells.integer(t == null ? 0 : t.getPosts()),
        Cells.integer(t == null ? 0 : t.getEngagement()),
        Cells.integer(t == null ? 0 : t.getViews()),
        Cells.decimal(t == null ? null : t.medianHoursToPost(b.getSentAt())));
  }
}
