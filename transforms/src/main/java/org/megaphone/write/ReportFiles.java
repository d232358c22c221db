package org.megaphone.write;

import java.util.List;
import java.util.Locale;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Reject;

/** The row formats of posts_attributed.csv and rejects.csv (contract section 5). */
public final class ReportFiles {

  private ReportFiles() {}

  public static ReportRow postRow(AttributedPost p) {
    return ReportRow.create(
        List.of(p.getPlatform(), p.getPostId()),
        List.of(
            p.getPlatform(),
            Cells.text(p.getPostId()),
            p.getWeek(),
            Cells.text(p.getHandle()),
            Cells.text(p.getEntityId()),
            p.getReason(),
            Cells.bool(p.getCampaign()),
            Cells.text(p.getBulletinId()),
            Cells.integer(p.engagement()),
            Cells.integer(p.getViews()),
            Cells.text(String.join("|", p.getThemes()))));
  }

  public static ReportRow rejectRow(Reject r) {
    return ReportRow.create(
        List.of(
            r.getFile(),
            String.format(Locale.ROOT, "%020d", r.getLine()),
            r.getTable(),
            r.getReason(),
            r.getRecord()),
        List.of(
            Cells.text(r.getFile()),
            Cells.integer(r.getLine()),
            r.getTable(),
            Cells.text(r.getReason()),
            Cells.text(r.getRecord())));
  }
}
