package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Contract section 4, Views, and the duplicate rule for view rows. */
class ViewGainsTest {
  private static final long T1 = 1_000L;
  private static final long T2 = 2_000L;
  private static final long T3 = 3_000L;
  private static final long T4 = 4_000L;
  private static final long T5 = 5_000L;

  private static SortedMap<Long, Long> snapshots(long... instantAndViews) {
    TreeMap<Long, Long> map = new TreeMap<>();
    for (int i = 0; i < instantAndViews.length; i += 2) {
      map.put(instantAndViews[i], instantAndViews[i + 1]);
    }
    return map;
  }

  private static long sum(List<ViewGains.Gain> gains) {
    return gains.stream().mapToLong(ViewGains.Gain::views).sum();
  }

  @Test
  void duplicatesAtOneInstantKeepTheHighestViewsAndAreCounted() {
    ViewGains.Distinct distinct =
        ViewGains.distinct(
            List.of(
                Map.entry(T1, 100L), Map.entry(T1, 120L), Map.entry(T2, 90L), Map.entry(T1, 110L)));

    assertThat(distinct.byInstant(), is(snapshots(T1, 120, T2, 90)));
    assertThat(distinct.duplicates(), is(2L));
  }

  @Test
  void distinctSnapshotsHaveNoDuplicates() {
    ViewGains.Distinct distinct = ViewGains.distinct(List.of(Map.entry(T2, 5L), Map.entry(T1, 3L)));

    assertThat(distinct.duplicates(), is(0L));
    assertThat(distinct.byInstant(), is(snapshots(T1, 3, T2, 5)));
  }

  @Test
  void firstSnapshotGainsAllItsViews() {
    assertThat(ViewGains.gains(snapshots(T1, 100)), contains(new ViewGains.Gain(T1, 100)));
  }

  @Test
  void eachGainIsViewsMinusTheHighestEarlierSnapshot() {
    assertThat(
        ViewGains.gains(snapshots(T1, 100, T2, 250, T3, 400)),
        contains(
            new ViewGains.Gain(T1, 100), new ViewGains.Gain(T2, 150), new ViewGains.Gain(T3, 150)));
  }

  @Test
  void dropInCountGainsNothingAndLaterGainsCountFromTheEarlierHighest() {
    // 100, then a drop to 80 (gain 0), then 150: gain 50 over the highest (100), not 70 over 80.
    List<ViewGains.Gain> gains =
        ViewGains.gains(snapshots(T1, 100, T2, 80, T3, 150, T4, 150, T5, 160));

    assertThat(
        gains,
        contains(
            new ViewGains.Gain(T1, 100),
            new ViewGains.Gain(T2, 0),
            new ViewGains.Gain(T3, 50),
            new ViewGains.Gain(T4, 0),
            new ViewGains.Gain(T5, 10)));
    assertThat(sum(gains), is(160L));
  }

  @Test
  void gainsAddUpToTheHighestSnapshotEvenWhenTheLastIsLower() {
    List<ViewGains.Gain> gains = ViewGains.gains(snapshots(T1, 40, T2, 500, T3, 300, T4, 450));

    assertThat(
        gains,
        contains(
            new ViewGains.Gain(T1, 40),
            new ViewGains.Gain(T2, 460),
            new ViewGains.Gain(T3, 0),
            new ViewGains.Gain(T4, 0)));
    assertThat(sum(gains), is(500L));
  }

  @Test
  void everySnapshotGetsAGainZeroIncludedSoItsWeekIsCredited() {
    assertThat(
        ViewGains.gains(snapshots(T1, 0, T2, 7)),
        contains(new ViewGains.Gain(T1, 0), new ViewGains.Gain(T2, 7)));
  }

  @Test
  void duplicatesThenGainsCreditTheHighestDuplicate() {
    ViewGains.Distinct distinct =
        ViewGains.distinct(
            List.of(
                Map.entry(T2, 90L), Map.entry(T1, 50L), Map.entry(T2, 120L), Map.entry(T3, 100L)));

    List<ViewGains.Gain> gains = ViewGains.gains(distinct.byInstant());

    assertThat(
        gains,
        contains(
            new ViewGains.Gain(T1, 50), new ViewGains.Gain(T2, 70), new ViewGains.Gain(T3, 0)));
    assertThat(sum(gains), is(120L));
    assertThat(distinct.duplicates(), is(1L));
  }

  @Test
  void noSnapshotsNoGains() {
    assertThat(ViewGains.gains(new TreeMap<>()), is(empty()));
  }
}
