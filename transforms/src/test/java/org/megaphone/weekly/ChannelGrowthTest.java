package org.megaphone.weekly;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megaphone.model.FollowerSnapshot;

/** Contract section 5, channel_growth, and decision D23. */
class ChannelGrowthTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  private static FollowerSnapshot snapshot(String instant, long followers) {
    return FollowerSnapshot.create(
        "instagram", "sanna", Instant.parse(instant).toEpochMilli(), followers);
  }

  private static ChannelGrowth.Growth growth(String week, Long start, long end, Long gained) {
    return new ChannelGrowth.Growth(week, start, end, gained);
  }

  @Test
  void firstWeekHasNoStartAndNoGain() {
    List<ChannelGrowth.Growth> rows =
        ChannelGrowth.growth(List.of(snapshot("2020-03-18T12:00:00Z", 1000)), UTC);

    assertThat(rows, contains(growth("2020-W12", null, 1000, null)));
  }

  @Test
  void eachWeekWithASnapshotHasARowFromTheLastSnapshotsBeforeItsStartAndEnd() {
    List<ChannelGrowth.Growth> rows =
        ChannelGrowth.growth(
            List.of(
                snapshot("2020-04-08T09:00:00Z", 1120), // Wed W15
                snapshot("2020-03-24T09:00:00Z", 1100), // Tue W13
                snapshot("2020-03-18T12:00:00Z", 1000), // Wed W12
                snapshot("2020-03-27T09:00:00Z", 1150)), // Fri W13
            UTC);

    // No snapshot in W14: no row for it.
    assertThat(
        rows,
        contains(
            growth("2020-W12", null, 1000, null),
            growth("2020-W13", 1000L, 1150, 150L),
            growth("2020-W15", 1150L, 1120, -30L)));
  }

  @Test
  void gainedIsNegativeWhenFollowersDrop() {
    List<ChannelGrowth.Growth> rows =
        ChannelGrowth.growth(
            List.of(snapshot("2020-03-20T09:00:00Z", 2000), snapshot("2020-03-25T09:00:00Z", 1800)),
            UTC);

    assertThat(rows.get(1), is(growth("2020-W13", 2000L, 1800, -200L)));
  }

  @Test
  void snapshotAtMondayMidnightBelongsToTheNewWeekAndIsNotItsStart() {
    List<ChannelGrowth.Growth> rows =
        ChannelGrowth.growth(
            List.of(snapshot("2020-03-22T23:59:59Z", 1000), snapshot("2020-03-23T00:00:00Z", 1010)),
            UTC);

    assertThat(
        rows, contains(growth("2020-W12", null, 1000, null), growth("2020-W13", 1000L, 1010, 10L)));
  }

  @Test
  void duplicateSnapshotsOfOneInstantKeepTheHighest() {
    List<ChannelGrowth.Growth> rows =
        ChannelGrowth.growth(
            List.of(
                snapshot("2020-03-18T12:00:00Z", 1000),
                snapshot("2020-03-25T12:00:00Z", 700),
                snapshot("2020-03-25T12:00:00Z", 1300),
                snapshot("2020-03-25T12:00:00Z", 900)),
            UTC);

    assertThat(rows.get(1), is(growth("2020-W13", 1000L, 1300, 300L)));
  }

  @Test
  void weeksFollowTheDatasetZone() {
    // 2020-03-22T22:30Z is Monday 00:30 in Helsinki (W13) but Sunday in UTC (W12).
    List<FollowerSnapshot> snapshots =
        List.of(snapshot("2020-03-20T10:00:00Z", 500), snapshot("2020-03-22T22:30:00Z", 520));

    assertThat(
        ChannelGrowth.growth(snapshots, HELSINKI),
        contains(growth("2020-W12", null, 500, null), growth("2020-W13", 500L, 520, 20L)));
    assertThat(ChannelGrowth.growth(snapshots, UTC), contains(growth("2020-W12", null, 520, null)));
  }

  @Test
  void weeksAcrossTheYearBoundaryAreInOrder() {
    List<ChannelGrowth.Growth> rows =
        ChannelGrowth.growth(
            List.of(snapshot("2021-01-05T00:00:00Z", 130), snapshot("2020-12-30T00:00:00Z", 100)),
            UTC);

    assertThat(
        rows, contains(growth("2020-W53", null, 100, null), growth("2021-W01", 100L, 130, 30L)));
  }

  @Test
  void noSnapshotsNoRows() {
    assertThat(ChannelGrowth.growth(List.of(), UTC), is(empty()));
  }
}
