package org.megaphone.weekly;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.megaphone.attribution.Roster;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.CreditedView;
import org.megaphone.model.Stats;
import org.megaphone.write.Cells;
import org.megaphone.write.ReportRow;

/**
 * entities_weekly.csv: one row per week and entity, {@code (unattributed)} included.
 *
 * <p>Input: attributed posts; credited views and the roster side input via the constructor.
 * Outputs: the rows ({@link #ROWS}) and the sums of their posts, engagement and views for the
 * conservation check ({@link #STATS}).
 */
public final class EntitiesWeekly extends PTransform<PCollection<AttributedPost>, PCollectionTuple> {
  public static final List<String> HEADER =
      List.of(
          "week", "entity_id", "entity_name", "role", "cohort", "municipality", "posts",
          "campaign_posts", "likes", "comments", "shares", "saves", "engagement", "views",
          "engagement_rate");
  public static final TupleTag<ReportRow> ROWS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private final PCollection<CreditedView> credits;
  private final PCollectionView<Roster> roster;

  public EntitiesWeekly(PCollection<CreditedView> credits, PCollectionView<Roster> roster) {
    this.credits = credits;
    this.roster = roster;
  }

  @java.lang.Override
  public PCollectionTuple expand(PCollection<AttributedPost> posts) {
    PCollectionTuple out =
        posts
            .apply(
                "SumPerEntityWeek",
                new SumWeekly(
                    credits,
                    p -> SumWeekly.key(p.getWeek(), p.getEntityId()),
                    v -> SumWeekly.key(v.getWeek(), v.getEntityId())))
            .apply(
                "FormatEntityRows",
                ParDo.of(new FormatFn(roster))
                    .withSideInputs(roster)
                    .withOutputTags(ROWS, TupleTagList.of(STATS)));
    out.get(STATS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

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

  private static final class FormatFn
      extends DoFn<Map<String, WeeklyTotals>, ReportRow> {
    private final PCollectionView<Roster> roster;

    FormatFn(PCollectionView<Roster> roster) {
      this.roster = roster;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Roster r = c.sideInput(roster);
      long posts = 0;
      long engagement = 0;
      long views = 0;
      for (Map.Entry<String, WeeklyTotals> row : c.element().entrySet()) {
        String[] key = SumWeekly.parts(row.getKey());
        WeeklyTotals t = row.getValue();
        c.output(ReportRow.create(List.of(key[0], key[1]), cells(key[0], key[1], r.entity(key[1]), t)));
        posts = Math.addExact(posts, t.getPosts());
        engagement = Math.addExact(engagement, t.engagement());
        views = Math.addExact(views, t.getViews());
      }
      c.output(STATS, Stats.of(Stats.ENTITIES_WEEKLY_POSTS, posts));
      c.output(STATS, Stats.of(Stats.ENTITIES_WEEKLY_ENGAGEMENT, engagement));
      c.output(STATS, Stats.of(Stats.ENTITIES_WEEKLY_VIEWS, views));
    }
  }
}
