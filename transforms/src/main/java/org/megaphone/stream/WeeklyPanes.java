package org.megaphone.stream;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.CalendarWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.DateTimeConstants;
import org.joda.time.DateTimeZone;
import org.joda.time.Duration;
import org.megaphone.attribution.ConfigValue;
import org.megaphone.attribution.Roster;
import org.megaphone.reports.Report;
import org.megaphone.rules.Weeks;
import org.megaphone.weekly.ClaimsWeekly;
import org.megaphone.weekly.EntitiesWeekly;
import org.megaphone.weekly.PlatformsWeekly;
import org.megaphone.weekly.ReportKey;
import org.megaphone.weekly.ThemesWeekly;
import org.megaphone.weekly.WeeklyTotals;

/**
 * entities_weekly, platforms_weekly, themes_weekly and claims_weekly for a stream: contributions in
 * ISO-week windows of the dataset zone (calendar weeks, Monday 00:00, daylight saving included),
 * early results every {@code earlyFiring} of processing time, the on-time result when the watermark
 * passes the week's end, and a late update for every correction within {@code allowedLateness};
 * panes accumulate, so the last version of a row is the sum of everything that arrived for it.
 *
 * <p>Input: {@link Contribution}s timestamped at their event time (unbounded). Side input: the
 * roster, for entity names. Output: {@link PaneRow}s of both reports; corrections past the allowed
 * lateness are dropped by the windows.
 */
public final class WeeklyPanes extends PTransform<PCollection<Contribution>, PCollection<PaneRow>> {
  /** Panes that fired with nothing in them and were skipped (a Beam counter). */
  static final Counter EMPTY_PANES = Metrics.counter(WeeklyPanes.class, "emptyPanes");

  private final ConfigValue<Roster> roster;
  private final String zoneId;
  private final Duration earlyFiring;
  private final Duration allowedLateness;

  public WeeklyPanes(
      PCollectionView<Roster> roster,
      String zoneId,
      Duration earlyFiring,
      Duration allowedLateness) {
    this(ConfigValue.of(roster), zoneId, earlyFiring, allowedLateness);
  }

  /** With the roster as given: a side input or a value fixed when the job is built. */
  public WeeklyPanes(
      ConfigValue<Roster> roster, String zoneId, Duration earlyFiring, Duration allowedLateness) {
    this.roster = roster;
    this.zoneId = zoneId;
    this.earlyFiring = earlyFiring;
    this.allowedLateness = allowedLateness;
  }

  /** ISO weeks in the zone: calendar weeks starting on Monday, never fixed 7-day spans. */
  public static <T> Window<T> isoWeeks(
      String zoneId, Duration earlyFiring, Duration allowedLateness) {
    return Window.<T>into(
            CalendarWindows.weeks(1, DateTimeConstants.MONDAY)
                .withTimeZone(DateTimeZone.forID(zoneId)))
        .triggering(
            AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(
                    AfterProcessingTime.pastFirstElementInPane().plusDelayOf(earlyFiring))
                .withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(allowedLateness)
        .accumulatingFiredPanes();
  }

  @Override
  public PCollection<PaneRow> expand(PCollection<Contribution> contributions) {
    KvCoder<ReportKey, WeeklyTotals> coder;
    coder = KvCoder.of(ReportKey.WireCoder.INSTANCE, WeeklyTotals.WireCoder.INSTANCE);
    // A pane may fire with nothing in it (on Flink, after a week's real panes, seen replaying an
    // archive: entities panes failed on a null sum, claims rows were overwritten by an empty
    // one). An empty pane's sum is null, carried as such, counted (emptyPanes) and skipped by the
    // formatters: it changes no row.
    KvCoder<ReportKey, WeeklyTotals> sums =
        KvCoder.of(ReportKey.WireCoder.INSTANCE, NullableCoder.of(coder.getValueCoder()));
    PCollection<Contribution> weeks =
        contributions.apply(
            "WindowIntoIsoWeeks",
            WeeklyPanes.<Contribution>isoWeeks(zoneId, earlyFiring, allowedLateness));
    TypeDescriptor<KV<ReportKey, WeeklyTotals>> kv =
        TypeDescriptors.kvs(
            TypeDescriptor.of(ReportKey.class), TypeDescriptor.of(WeeklyTotals.class));
    PCollection<PaneRow> entities =
        weeks
            .apply(
                "KeyByEntity",
                MapElements.into(kv)
                    .via(
                        (Contribution c) ->
                            KV.of(
                                ReportKey.of(ReportKey.Kind.ENTITY, c.getEntityId()),
                                c.getTotals())))
            .setCoder(coder)
            .apply("SumPerEntity", Combine.perKey(WeeklyTotals::plus))
            .setCoder(sums)
            .apply(
                "FormatEntityPanes",
                ParDo.of(new EntityPaneFn(roster, zoneId))
                    .withSideInputs(ConfigValue.views(roster)));
    PCollection<PaneRow> platforms =
        weeks
            .apply(
                "KeyByPlatform",
                MapElements.into(kv)
                    .via(
                        (Contribution c) ->
                            KV.of(
                                ReportKey.of(
                                    ReportKey.Kind.PLATFORM, c.getPlatform(), c.getLanguage()),
                                c.getTotals().withoutRate())))
            .setCoder(coder)
            .apply("SumPerPlatform", Combine.perKey(WeeklyTotals::plus))
            .setCoder(sums)
            .apply("FormatPlatformPanes", ParDo.of(new PlatformPaneFn(zoneId)));
    PCollection<PaneRow> themes =
        weeks
            .apply("KeyByTheme", FlatMapElements.into(kv).via(WeeklyPanes::themeKeys))
            .setCoder(coder)
            .apply("SumPerTheme", Combine.perKey(WeeklyTotals::plus))
            .setCoder(sums)
            .apply("FormatThemePanes", ParDo.of(new ThemePaneFn(zoneId)));
    KvCoder<WeeklyTotals, WeeklyTotals> sidesCoder =
        KvCoder.of(coder.getValueCoder(), coder.getValueCoder());
    PCollection<PaneRow> claims =
        weeks
            .apply(
                "KeyByClaim",
                FlatMapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptor.of(ReportKey.class),
                            TypeDescriptors.kvs(
                                TypeDescriptor.of(WeeklyTotals.class),
                                TypeDescriptor.of(WeeklyTotals.class))))
                    .via(WeeklyPanes::claimKeys))
            .setCoder(KvCoder.of(ReportKey.WireCoder.INSTANCE, sidesCoder))
            .apply("SumPerClaim", Combine.perKey(WeeklyPanes::sumSides))
            .setCoder(KvCoder.of(ReportKey.WireCoder.INSTANCE, NullableCoder.of(sidesCoder)))
            .apply("FormatClaimPanes", ParDo.of(new ClaimPaneFn(zoneId)));
    return PCollectionList.of(entities)
        .and(platforms)
        .and(themes)
        .and(claims)
        .apply("FlattenPanes", Flatten.pCollections())
        .setCoder(PaneRow.WireCoder.INSTANCE);
  }

  /** A contribution under each of its post's themes, with the role of its entity. */
  static List<KV<ReportKey, WeeklyTotals>> themeKeys(Contribution c) {
    List<KV<ReportKey, WeeklyTotals>> out = new ArrayList<>();
    for (String theme : c.getThemes()) {
      out.add(
          KV.of(
              ReportKey.of(ReportKey.Kind.THEME, theme, c.getRole()), c.getTotals().withoutRate()));
    }
    return out;
  }

  /**
   * A contribution under each claim its post carries, on the side {@link ClaimsWeekly#side} says:
   * the spread's or the answer's (KV key and value), or none.
   */
  static List<KV<ReportKey, KV<WeeklyTotals, WeeklyTotals>>> claimKeys(Contribution c) {
    List<KV<ReportKey, KV<WeeklyTotals, WeeklyTotals>>> out = new ArrayList<>();
    ClaimsWeekly.Side side =
        ClaimsWeekly.side(c.getCampaign(), c.getFactKey().startsWith(Retractions.VIEW));
    if (side == ClaimsWeekly.Side.NONE) {
      return out;
    }
    WeeklyTotals counts = c.getTotals().withoutRate();
    KV<WeeklyTotals, WeeklyTotals> sides =
        side == ClaimsWeekly.Side.ANSWER
            ? KV.of(WeeklyTotals.ZERO, counts)
            : KV.of(counts, WeeklyTotals.ZERO);
    for (String claim : c.getClaims()) {
      out.add(KV.of(ReportKey.of(ReportKey.Kind.CLAIM, claim, c.getPlatform()), sides));
    }
    return out;
  }

  /** Both sides summed; null for an empty pane, which must not read as a claim gone to zero. */
  static @Nullable KV<WeeklyTotals, WeeklyTotals> sumSides(
      Iterable<KV<WeeklyTotals, WeeklyTotals>> all) {
    if (!all.iterator().hasNext()) {
      return null;
    }
    WeeklyTotals spread = WeeklyTotals.ZERO;
    WeeklyTotals counter = WeeklyTotals.ZERO;
    for (KV<WeeklyTotals, WeeklyTotals> s : all) {
      spread = spread.plus(s.getKey());
      counter = counter.plus(s.getValue());
    }
    return KV.of(spread, counter);
  }

  /** early, on_time or late. */
  static String pane(PaneInfo pane) {
    return switch (pane.getTiming()) {
      case EARLY -> "early";
      case ON_TIME -> "on_time";
      case LATE -> "late";
      default -> "unknown";
    };
  }

  static String week(BoundedWindow window, String zoneId) {
    return Weeks.label(((IntervalWindow) window).start().getMillis(), ZoneId.of(zoneId));
  }

  /**
   * Formats each pane of a week's sum as a report row: the week, then the sum's key parts, as the
   * row key. A pane that fired empty (its sum is null) is counted and skipped. Each report gives
   * its cells and whether the row exists; the subclasses keep their names, which are step names.
   */
  private abstract static class PaneFn<V> extends DoFn<KV<ReportKey, V>, PaneRow> {
    private final String report;
    private final String zoneId;

    PaneFn(String report, String zoneId) {
      this.report = report;
      this.zoneId = zoneId;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      V sum = c.element().getValue();
      if (sum == null) {
        EMPTY_PANES.inc();
        return; // an empty pane: nothing to update
      }
      String week = week(window, zoneId);
      List<String> key = c.element().getKey().getParts();
      List<String> rowKey = new ArrayList<>(key.size() + 1);
      rowKey.add(week);
      rowKey.addAll(key);
      c.output(
          PaneRow.create(
              report,
              List.copyOf(rowKey),
              cells(c, week, key, sum),
              pane(c.pane()),
              c.pane().getIndex(),
              exists(sum)));
    }

    abstract List<String> cells(ProcessContext c, String week, List<String> key, V sum);

    abstract boolean exists(V sum);
  }

  private static final class EntityPaneFn extends PaneFn<WeeklyTotals> {
    private final ConfigValue<Roster> roster;

    EntityPaneFn(ConfigValue<Roster> roster, String zoneId) {
      super(Report.ENTITIES_WEEKLY.file(), zoneId);
      this.roster = roster;
    }

    @Override
    List<String> cells(ProcessContext c, String week, List<String> key, WeeklyTotals t) {
      return EntitiesWeekly.cells(week, key.get(0), roster.get(c).entity(key.get(0)), t);
    }

    @Override
    boolean exists(WeeklyTotals t) {
      return t.isRow();
    }
  }

  private static final class PlatformPaneFn extends PaneFn<WeeklyTotals> {
    PlatformPaneFn(String zoneId) {
      super(Report.PLATFORMS_WEEKLY.file(), zoneId);
    }

    @Override
    List<String> cells(ProcessContext c, String week, List<String> key, WeeklyTotals t) {
      return PlatformsWeekly.cells(week, key.get(0), key.get(1), t);
    }

    @Override
    boolean exists(WeeklyTotals t) {
      return t.isRow();
    }
  }

  private static final class ThemePaneFn extends PaneFn<WeeklyTotals> {
    ThemePaneFn(String zoneId) {
      super(Report.THEMES_WEEKLY.file(), zoneId);
    }

    @Override
    List<String> cells(ProcessContext c, String week, List<String> key, WeeklyTotals t) {
      return ThemesWeekly.cells(week, key.get(0), key.get(1), t);
    }

    @Override
    boolean exists(WeeklyTotals t) {
      return t.isRow();
    }
  }

  private static final class ClaimPaneFn extends PaneFn<KV<WeeklyTotals, WeeklyTotals>> {
    ClaimPaneFn(String zoneId) {
      super(Report.CLAIMS_WEEKLY.file(), zoneId);
    }

    @Override
    List<String> cells(
        ProcessContext c, String week, List<String> key, KV<WeeklyTotals, WeeklyTotals> sides) {
      return ClaimsWeekly.cells(week, key.get(0), key.get(1), sides.getKey(), sides.getValue());
    }

    @Override
    boolean exists(KV<WeeklyTotals, WeeklyTotals> sides) {
      return sides.getKey().isRow() || sides.getValue().isRow();
    }
  }
}
