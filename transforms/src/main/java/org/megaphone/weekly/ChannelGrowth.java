package org.megaphone.weekly;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.megaphone.model.FollowerSnapshot;
import org.megaphone.model.Stats;
import org.megaphone.rules.Weeks;
import org.megaphone.write.Cells;
import org.megaphone.write.ReportRow;

/**
 * channel_growth.csv: one row per week with at least one follower snapshot of a channel.
 *
 * <p>Input: follower snapshots as read (bounded). Outputs: the rows ({@link #ROWS}) and the counts
 * {@code followers.accepted} and {@code followers.duplicates} ({@link #STATS}): snapshots of one
 * channel at one instant are duplicates, the highest count is kept (contract copy, D9).
 */
public final class ChannelGrowth
    extends PTransform<PCollection<FollowerSnapshot>, PCollectionTuple> {
  public static final TupleTag<ReportRow> ROWS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private final String zoneId;

  public ChannelGrowth(String zoneId) {
    this.zoneId = zoneId;
  }

  @Override
  public PCollectionTuple expand(PCollection<FollowerSnapshot> snapshots) {
    PCollectionTuple out =
        snapshots
            .apply(
                "KeyByChannel",
                WithKeys.of(FollowerSnapshot::channelKey).withKeyType(TypeDescriptors.strings()))
            .apply("GroupByChannel", GroupByKey.create())
            .apply(
                "ComputeGrowth",
                ParDo.of(new GrowthFn(zoneId)).withOutputTags(ROWS, TupleTagList.of(STATS)));
    out.get(STATS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

  /** A week's growth of one channel; start and gained are null without an earlier snapshot. */
  public record Growth(String week, Long start, long end, Long gained) {}

  /**
   * followers_end is the last snapshot before the week's end, followers_start the last before its
   * start.
   */
  public static List<Growth> growth(Iterable<FollowerSnapshot> snapshots, ZoneId zone) {
    return growth(distinct(snapshots), zone);
  }

  /** The snapshots of one channel by instant, the highest count kept. */
  public static NavigableMap<Long, Long> distinct(Iterable<FollowerSnapshot> snapshots) {
    TreeMap<Long, Long> byInstant = new TreeMap<>();
    for (FollowerSnapshot s : snapshots) {
      byInstant.merge(s.getObservedAt(), s.getFollowers(), Math::max);
    }
    return byInstant;
  }

  static List<Growth> growth(NavigableMap<Long, Long> byInstant, ZoneId zone) {
    TreeMap<String, Boolean> weeks = new TreeMap<>();
    for (long at : byInstant.keySet()) {
      weeks.put(Weeks.label(at, zone), true);
    }
    List<Growth> rows = new ArrayList<>();
    for (String week : weeks.keySet()) {
      Map.Entry<Long, Long> end = byInstant.lowerEntry(Weeks.endMillis(week, zone));
      Map.Entry<Long, Long> start = byInstant.lowerEntry(Weeks.startMillis(week, zone));
      Long startValue = start == null ? null : start.getValue();
      rows.add(
          new Growth(
              week,
              startValue,
              end.getValue(),
              startValue == null ? null : end.getValue() - startValue));
    }
    return rows;
  }

  private static final class GrowthFn
      extends DoFn<KV<String, Iterable<FollowerSnapshot>>, ReportRow> {
    private final String zoneId;

    GrowthFn(String zoneId) {
      this.zoneId = zoneId;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<FollowerSnapshot>> channel, MultiOutputReceiver out) {
      // One pass: Flink's grouped values can be iterated only once.
      long rows = 0;
      TreeMap<Long, Long> byInstant = new TreeMap<>();
      for (FollowerSnapshot s : channel.getValue()) {
        rows++;
        byInstant.merge(s.getObservedAt(), s.getFollowers(), Math::max);
      }
      out.get(STATS).output(Stats.of("followers", Stats.ACCEPTED, byInstant.size()));
      out.get(STATS).output(Stats.of("followers", Stats.DUPLICATES, rows - byInstant.size()));
      // The key is "platform:handle"; platforms never contain ':'. Flink's grouped values can be
      // iterated only once, so the key, not a first element, names the channel.
      String platform = channel.getKey().substring(0, channel.getKey().indexOf(':'));
      String handle = channel.getKey().substring(platform.length() + 1);
      for (Growth g : growth(byInstant, ZoneId.of(zoneId))) {
        out.get(ROWS)
            .output(
                ReportRow.create(
                    List.of(g.week(), platform, handle),
                    List.of(
                        g.week(),
                        platform,
                        Cells.text(handle),
                        Cells.integer(g.start()),
                        Cells.integer(g.end()),
                        Cells.integer(g.gained()))));
      }
    }
  }
}
