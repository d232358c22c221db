package org.megaphone.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Contract section 4, Views: cumulative snapshots become gains. Duplicate snapshots of one instant
 * keep the highest views; a snapshot's gain is its views minus the highest views of all earlier
 * snapshots, floored at 0. The gains of a post add up to its highest snapshot.
 */
public final class ViewGains {

  /** A gain at an instant (epoch ms). */
  public record Gain(long observedAt, long views) {}

  /** Snapshots of one post after removing duplicates of an instant. */
  public record Distinct(TreeMap<Long, Long> byInstant, long duplicates) {}

  private ViewGains() {}

  /** Keeps the highest views per instant and counts the rows dropped. */
  public static Distinct distinct(Iterable<Map.Entry<Long, Long>> snapshots) {
    TreeMap<Long, Long> byInstant = new TreeMap<>();
    long rows = 0;
    for (Map.Entry<Long, Long> s : snapshots) {
      rows++;
      byInstant.merge(s.getKey(), s.getValue(), Math::max);
    }
    return new Distinct(byInstant, rows - byInstant.size());
  }

  /**
   * The gain of each of one post's distinct snapshots, in time order (the map's order), 0 included:
   * each gain is credited to its week, so a week whose snapshots gained nothing still has views
   * credited, 0 of them (contract copy, D20).
   */
  public static List<Gain> gains(SortedMap<Long, Long> byInstant) {
    List<Gain> gains = new ArrayList<>();
    long highest = 0;
    for (Map.Entry<Long, Long> s : byInstant.entrySet()) {
      gains.add(new Gain(s.getKey(), Math.max(0, s.getValue() - highest)));
      highest = Math.max(highest, s.getValue());
    }
    return gains;
  }
}
