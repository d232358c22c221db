package org.megaphone.weekly;

import java.time.ZoneId;
import java.util.ArrayList;
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
import org.megaphone.attribution.ConfigValue;
import org.megaphone.attribution.Roster;
import org.megaphone.model.Bulletin;
import org.megaphone.model.Stats;
import org.megaphone.reports.Report;
import org.megaphone.write.ReportRow;

/**
 * The rows of the weekly reports from their sums: entities_weekly (with the roster's names),
 * platforms_weekly, themes_weekly, claims_weekly and bulletin_uptake (with each bulletin's
 * details), each row keyed by its file for {@link org.megaphone.write.WriteReports}.
 *
 * <p>Input: the sums of {@link SumReports} (one per key: as many as report rows). Configuration:
 * the roster (a value or a side input). Side input: the bulletins by id. Outputs: the rows by file
 * name ({@link #ROWS}); the counts summed ({@link #STATS}): the stat keys, and the posts,
 * engagement and views of entities_weekly's rows for the conservation check.
 */
public final class FormatReports
    extends PTransform<PCollection<KV<ReportKey, Sums>>, PCollectionTuple> {
  public static final TupleTag<KV<String, ReportRow>> ROWS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private final ConfigValue<Roster> roster;
  private final PCollectionView<Map<String, Bulletin>> bulletins;
  private final String zoneId;

  public FormatReports(
      ConfigValue<Roster> roster, PCollectionView<Map<String, Bulletin>> bulletins, String zoneId) {
    this.roster = roster;
    this.bulletins = bulletins;
    this.zoneId = zoneId;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<ReportKey, Sums>> sums) {
    PCollectionTuple out =
        sums.apply(
            "FormatRows",
            ParDo.of(new FormatFn(roster, bulletins, zoneId))
                .withSideInputs(withBulletins(ConfigValue.views(roster), bulletins))
                .withOutputTags(ROWS, TupleTagList.of(STATS)));
    out.get(ROWS).setCoder(KvCoder.of(StringUtf8Coder.of(), ReportRow.WireCoder.INSTANCE));
    out.get(STATS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

  private static List<PCollectionView<?>> withBulletins(
      List<PCollectionView<?>> views, PCollectionView<?> bulletins) {
    List<PCollectionView<?>> all = new ArrayList<>(views);
    all.add(bulletins);
    return all;
  }

  /** The row of one key, as (file name, row); null for a stat. */
  public static KV<String, ReportRow> row(
      ReportKey key, Sums s, Roster roster, Map<String, Bulletin> bulletins, ZoneId zone) {
    List<String> k = key.getParts();
    return switch (key.getKind()) {
      case ENTITY ->
          KV.of(
              Report.ENTITIES_WEEKLY.file(),
              ReportRow.create(
                  k,
                  EntitiesWeekly.cells(k.get(0), k.get(1), roster.entity(k.get(1)), s.totals())));
      case PLATFORM ->
          KV.of(
              Report.PLATFORMS_WEEKLY.file(),
              ReportRow.create(k, PlatformsWeekly.cells(k.get(0), k.get(1), k.get(2), s.totals())));
      case THEME ->
          KV.of(
              Report.THEMES_WEEKLY.file(),
              ReportRow.create(k, ThemesWeekly.cells(k.get(0), k.get(1), k.get(2), s.totals())));
      case CLAIM ->
          KV.of(
              Report.CLAIMS_WEEKLY.file(),
              ReportRow.create(
                  k, ClaimsWeekly.cells(k.get(0), k.get(1), k.get(2), s.totals(), s.counter())));
      case BULLETIN -> {
        Bulletin b = bulletins.get(k.get(0));
        if (b == null) {
          throw new IllegalStateException(
              "posts credited to bulletin " + k.get(0) + ", which is not in the bulletins table");
        }
        yield KV.of(
            Report.BULLETIN_UPTAKE.file(),
            ReportRow.create(k, BulletinUptake.cells(b, s.getUptake(), zone)));
      }
      case STAT -> null;
    };
  }

  private static final class FormatFn extends DoFn<KV<ReportKey, Sums>, KV<String, ReportRow>> {
    private final ConfigValue<Roster> roster;
    private final PCollectionView<Map<String, Bulletin>> bulletins;
    private final String zoneId;
    private transient ZoneId zone;

    FormatFn(
        ConfigValue<Roster> roster,
        PCollectionView<Map<String, Bulletin>> bulletins,
        String zoneId) {
      this.roster = roster;
      this.bulletins = bulletins;
      this.zoneId = zoneId;
    }

    @Setup
    public void setup() {
      zone = ZoneId.of(zoneId);
    }

    @ProcessElement
    public void process(ProcessContext c) {
      ReportKey key = c.element().getKey();
      Sums s = c.element().getValue();
      if (key.getKind() == ReportKey.Kind.STAT) {
        c.output(STATS, KV.of(key.part(0), s.getCount()));
        return;
      }
      c.output(row(key, s, roster.get(c), c.sideInput(bulletins), zone));
      if (key.getKind() == ReportKey.Kind.ENTITY) {
        WeeklyTotals t = s.totals();
        c.output(STATS, Stats.of(Stats.ENTITIES_WEEKLY_POSTS, t.getPosts()));
        c.output(STATS, Stats.of(Stats.ENTITIES_WEEKLY_ENGAGEMENT, t.engagement()));
        c.output(STATS, Stats.of(Stats.ENTITIES_WEEKLY_VIEWS, t.getViews()));
      }
    }
  }
}
