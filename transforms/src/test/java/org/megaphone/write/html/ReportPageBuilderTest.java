package org.megaphone.write.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.megaphone.write.html.ReportPage.Bulletins;
import org.megaphone.write.html.ReportPage.ChannelRow;
import org.megaphone.write.html.ReportPage.Channels;
import org.megaphone.write.html.ReportPage.ClaimRow;
import org.megaphone.write.html.ReportPage.DataQuality;
import org.megaphone.write.html.ReportPage.EntityTotals;
import org.megaphone.write.html.ReportPage.Headline;
import org.megaphone.write.html.ReportPage.PlatformCell;
import org.megaphone.write.html.ReportPage.Platforms;
import org.megaphone.write.html.ReportPage.RoleSeries;
import org.megaphone.write.html.ReportPage.ThemeRow;
import org.megaphone.write.html.ReportPage.TopEntities;
import org.megaphone.write.html.ReportPage.TopPost;
import org.megaphone.write.html.ReportPage.UptakeBar;
import org.megaphone.write.html.ReportPage.Weekly;
import org.megaphone.write.html.ReportTables.BulletinRow;
import org.megaphone.write.html.ReportTables.ChannelWeek;
import org.megaphone.write.html.ReportTables.ClaimWeek;
import org.megaphone.write.html.ReportTables.EntityWeek;
import org.megaphone.write.html.ReportTables.PlatformWeek;
import org.megaphone.write.html.ReportTables.RejectGroup;
import org.megaphone.write.html.ReportTables.Rejects;
import org.megaphone.write.html.ReportTables.ThemeWeek;
import org.megaphone.write.html.ReportTables.TopPostRow;

/** The page's figures: sums, rankings and cuts of the report rows, with no markup involved. */
class ReportPageBuilderTest {
  private static final HtmlReport.Run RUN =
      new HtmlReport.Run("demo", "Europe/Helsinki", "rejects.csv");
  private static final HtmlReport.Quality QUALITY =
      new HtmlReport.Quality(List.of(new HtmlReport.TableCounts("posts", 10, 7, 2, 1)), 1, 2, 300);

  private static EntityWeek entity(
      String week, String id, String role, long posts, long campaign, long engagement, long views) {
    return new EntityWeek(
        week,
        id,
        id.toUpperCase(Locale.ROOT),
        role,
        "core",
        "Ivrea",
        posts,
        campaign,
        engagement,
        views);
  }

  private static ReportTables entities(EntityWeek... rows) {
    return new ReportTables(List.of(rows), List.of(), List.of(), List.of(), Rejects.NONE);
  }

  private static List<Long> longs(long... values) {
    return Arrays.stream(values).boxed().toList();
  }

  @Test
  void thePeriodRunsFromTheFirstToTheLastEntityWeekWithTheGapsInBetween() {
    ReportTables t =
        entities(
            entity("2020-W15", "aino", "influencer", 1, 0, 1, 0),
            entity("2020-W12", "aino", "influencer", 1, 0, 1, 0));
    assertThat(
        ReportPageBuilder.weeks(t), contains("2020-W12", "2020-W13", "2020-W14", "2020-W15"));
    assertThat(ReportPageBuilder.weeks(entities()), is(empty()));
  }

  @Test
  void headlineSumsEveryRowAndCountsEntitiesReachedWithoutTheUnattributedRow() {
    Headline h =
        ReportPageBuilder.headline(
            new ReportTables(
                List.of(
                    entity("2020-W12", "aino", "influencer", 3, 2, 1_000, 20_000),
                    entity("2020-W13", "aino", "influencer", 1, 0, 500, 1_000),
                    entity("2020-W13", "mari", "influencer", 2, 0, 250, 0),
                    entity("2020-W13", "ivrea", "mayor", 0, 0, 0, 40),
                    entity("2020-W13", "(unattributed)", "", 4, 4, 2_000, 30_000)),
                List.of(),
                List.of(),
                List.of(),
                new Rejects(7, List.of())));
    assertThat(h, is(new Headline(10, 6, 0.6, 3_750, 51_040, 1, 2, 7)));
  }

  @Test
  void withoutPostsTheCampaignShareIsUnknownRatherThanZero() {
    assertThat(ReportPageBuilder.headline(entities()).campaignShare(), is(nullValue()));
  }

  @Test
  void weeklySeriesFollowTheRoleOrderWithZerosInEmptyWeeksAndLeaveOutRolesWithoutRows() {
    List<String> weeks = List.of("2020-W12", "2020-W13", "2020-W14");
    Weekly w =
        ReportPageBuilder.weekly(
            entities(
                entity("2020-W14", "(unattributed)", "", 1, 0, 5, 50),
                entity("2020-W12", "ivrea", "mayor", 1, 1, 50, 0),
                entity("2020-W12", "aino", "influencer", 1, 1, 100, 0),
                entity("2020-W14", "aino", "influencer", 1, 0, 70, 10),
                entity("2020-W14", "mari", "influencer", 1, 0, 30, 5)),
            weeks);
    assertThat(w.weeks(), is(weeks));
    assertThat(
        w.roles(),
        contains(
            new RoleSeries("influencer", longs(100, 0, 100), longs(0, 0, 15)),
            new RoleSeries("mayor", longs(50, 0, 0), longs(0, 0, 0)),
            new RoleSeries("", longs(0, 0, 5), longs(0, 0, 50))));
  }

  @Test
  void topEntitiesAreRankedByEngagementThenIdAndCutAtTenWithTheRestCounted() {
    List<EntityWeek> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(
          entity("2020-W12", String.format("e%02d", i), "influencer", 1, 0, 100L * (i / 2), 0));
    }
    rows.add(entity("2020-W12", "ivrea", "mayor", 1, 0, 1_000_000, 0));
    TopEntities top =
        ReportPageBuilder.top(
            entities(rows.toArray(new EntityWeek[0])), List.of("2020-W12"), "influencer");
    assertThat(top.role(), is("influencer"));
    assertThat(
        top.top().stream().map(EntityTotals::id).toList(),
        contains("e10", "e11", "e08", "e09", "e06", "e07", "e04", "e05", "e02", "e03"));
    assertThat(top.more(), is(2));
  }

  @Test
  void anEntitysTotalsSumItsWeeksAndKeepTheNamesOfItsFirstRow() {
    List<String> weeks = List.of("2020-W12", "2020-W13", "2020-W14");
    TopEntities top =
        ReportPageBuilder.top(
            entities(
                new EntityWeek(
                    "2020-W14", "ivrea", "Sindaco", "mayor", "north", "Ivrea", 2, 1, 30, 300),
                new EntityWeek(
                    "2020-W12", "ivrea", "Sindaca", "mayor", "south", "Ivrea (TO)", 1, 1, 10, 100),
                new EntityWeek(
                    "2020-W14", "ivrea", "Sindaca", "mayor", "south", "Ivrea (TO)", 1, 0, 5, 0)),
            weeks,
            "mayor");
    assertThat(
        top.top(),
        contains(
            new EntityTotals(
                "ivrea", "Sindaco", "north", "Ivrea", 4, 2, 45, 400, longs(10, 0, 35))));
    assertThat(top.more(), is(0));
    assertThat(ReportPageBuilder.top(entities(), List.of(), "influencer").top(), is(empty()));
  }

  @Test
  void bulletinsAreOrderedByLanguageSendTimeAndIdAndOnlyThoseWithARateGetABar() {
    BulletinRow fiLate =
        new BulletinRow(
            "CF-2", "c", "fi", "2020-03-20T09:00:00+02:00", 200L, 10, 0.05, 10, 100, 1000, 3.0);
    BulletinRow fiEarly =
        new BulletinRow(
            "CF-1", "c", "fi", "2020-03-16T09:00:00+02:00", null, 4, null, 4, 40, 400, null);
    BulletinRow none =
        new BulletinRow("CF-3", "c", "", "2020-03-18T09:00:00+02:00", 50L, 5, 0.1, 5, 50, 500, 1.5);
    BulletinRow sv =
        new BulletinRow(
            "CF-0", "c", "sv", "2020-03-16T09:00:00+02:00", 10L, 1, 0.1, 1, 10, 100, 2.0);
    Bulletins b =
        ReportPageBuilder.bulletins(
            new ReportTables(
                List.of(), List.of(sv, fiLate, none, fiEarly), List.of(), List.of(), Rejects.NONE));
    assertThat(b.rows(), contains(none, fiEarly, fiLate, sv));
    assertThat(b.languages(), contains("", "fi", "sv"));
    assertThat(
        b.bars(),
        contains(
            new UptakeBar("CF-3", 0, 0.1, 5, 50),
            new UptakeBar("CF-2", 1, 0.05, 10, 200),
            new UptakeBar("CF-0", 2, 0.1, 1, 10)));
  }

  @Test
  void platformCellsSumTheWeeksOfAPlatformAndLanguageAndLeaveAGapWhereThereIsNone() {
    Platforms p =
        ReportPageBuilder.platforms(
            new ReportTables(
                List.of(),
                List.of(),
                List.of(
                    new PlatformWeek("2020-W12", "tiktok", "it", 2, 1, 20, 0),
                    new PlatformWeek("2020-W12", "instagram", "fi", 3, 3, 30, 0),
                    new PlatformWeek("2020-W13", "instagram", "fi", 4, 0, 40, 0),
                    new PlatformWeek("2020-W13", "instagram", "", 1, 0, 5, 0)),
                List.of(),
                Rejects.NONE));
    assertThat(p.languages(), contains("", "fi", "it"));
    assertThat(p.rows().get(0).platform(), is("instagram"));
    assertThat(
        p.rows().get(0).cells(), contains(new PlatformCell(1, 5), new PlatformCell(7, 70), null));
    assertThat(p.rows().get(1).platform(), is("tiktok"));
    assertThat(p.rows().get(1).cells(), contains(null, null, new PlatformCell(2, 20)));
    assertThat(p.maxPosts(), is(7L));
  }

  @Test
  void themesAreRankedByEngagementWithAFlatSparklineWhenNoneOfTheirWeeksIsInThePeriod() {
    List<String> weeks = List.of("2020-W12", "2020-W13");
    ReportTables t =
        new ReportTables(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Rejects.NONE,
            List.of(
                new ThemeWeek("2020-W12", "masks", "mayor", 1, 10, 100),
                new ThemeWeek("2020-W13", "masks", "mayor", 2, 20, 200),
                new ThemeWeek("2020-W13", "masks", "", 1, 40, 0),
                new ThemeWeek("2020-W20", "testing", "influencer", 1, 30, 0)),
            List.of(),
            List.of());
    assertThat(
        ReportPageBuilder.themes(t, weeks).rows(),
        contains(
            new ThemeRow("masks", "", 1, 40, 0, longs(0, 40)),
            new ThemeRow("masks", "mayor", 3, 30, 300, longs(10, 20)),
            new ThemeRow("testing", "influencer", 1, 30, 0, longs(0, 0))));
  }

  @Test
  void claimsSumThePeriodPerClaimAndPlatformAndCoverageIsUnknownWithoutTheClaimsEngagement() {
    ReportTables t =
        new ReportTables(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Rejects.NONE,
            List.of(),
            List.of(
                new ClaimWeek("2020-W13", "5g", "instagram", 2, 100, 1000, 1, 20),
                new ClaimWeek("2020-W14", "5g", "instagram", 1, 100, 0, 0, 0),
                new ClaimWeek("2020-W14", "garlic", "tiktok", 0, 0, 0, 1, 7)),
            List.of());
    assertThat(
        ReportPageBuilder.claims(t).rows(),
        contains(
            new ClaimRow("5g", "instagram", 3, 200, 1000, 1, 20, 0.1),
            new ClaimRow("garlic", "tiktok", 0, 0, 0, 1, 7, null)));
  }

  @Test
  void topPostsAreRankedByTheirExactRatioThenWeekAndRankAndCutAtTwenty() {
    List<TopPostRow> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(
          new TopPostRow(
              "2020-W13",
              i + 1,
              "instagram",
              "p" + i,
              "anna",
              "anna",
              10,
              "2.000000",
              "1.000000",
              ""));
    }
    // Ranked by the ratio as written, not as the page rounds it (both show as 3.0×).
    rows.add(
        new TopPostRow(
            "2020-W14",
            1,
            "tiktok",
            "big",
            "eve",
            "eve",
            90,
            "30.000000",
            "3.0000001",
            "https://t/1"));
    rows.add(
        new TopPostRow(
            "2020-W13",
            26,
            "tiktok",
            "bigger",
            "eve",
            "eve",
            91,
            "30.000000",
            "3.0000002",
            "https://t/2"));
    List<TopPost> top =
        ReportPageBuilder.topPosts(
                new ReportTables(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Rejects.NONE,
                    List.of(),
                    List.of(),
                    rows))
            .rows();
    assertThat(top.size(), is(ReportPage.TOP_POSTS));
    assertThat(top.get(0).postId(), is("bigger"));
    assertThat(
        top.get(1),
        is(
            new TopPost(
                "2020-W14", "tiktok", "eve", "eve", 90, 30.0, 3.0000001, "big", "https://t/1")));
    assertThat(top.get(2).postId(), is("p0"));
    assertThat(top.get(19).postId(), is("p17"));
  }

  @Test
  void channelsStartAtTheSnapshotBeforeThePeriodElseTheirFirstAndSumTheirGains() {
    Channels c =
        ReportPageBuilder.channels(
            new ReportTables(
                List.of(),
                List.of(),
                List.of(),
                List.of(
                    new ChannelWeek("2020-W12", "instagram", "thl.fi", null, 44_233L, null),
                    new ChannelWeek("2020-W13", "instagram", "thl.fi", 44_233L, 52_687L, 8_454L),
                    new ChannelWeek("2020-W15", "instagram", "thl.fi", 52_687L, 53_000L, 313L),
                    new ChannelWeek("2020-W13", "youtube", "vn", 15_000L, 16_074L, 1_074L)),
                Rejects.NONE));
    assertThat(c.weeks(), contains("2020-W12", "2020-W13", "2020-W14", "2020-W15"));
    assertThat(
        c.rows(),
        contains(
            new ChannelRow("instagram @thl.fi", "2020-W12", "2020-W15", 44_233L, 53_000L, 8_767),
            new ChannelRow("youtube @vn", "2020-W13", "2020-W13", 15_000L, 16_074L, 1_074)));
    assertThat(c.lines().get(0).followers(), contains(44_233L, 52_687L, null, 53_000L));
    assertThat(c.lines().get(1).followers(), contains(null, 16_074L, null, null));
  }

  @Test
  void onlyTheEightLargestChannelsByTheirLastCountAreDrawnButEveryOneIsListed() {
    List<ChannelWeek> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(
          new ChannelWeek("2020-W12", "instagram", "c" + i, null, i == 3 ? null : 100L * i, null));
    }
    Channels c =
        ReportPageBuilder.channels(
            new ReportTables(List.of(), List.of(), List.of(), rows, Rejects.NONE));
    assertThat(
        c.lines().stream().map(ReportPage.ChannelLine::channel).toList(),
        contains(
            "instagram @c9",
            "instagram @c8",
            "instagram @c7",
            "instagram @c6",
            "instagram @c5",
            "instagram @c4",
            "instagram @c2",
            "instagram @c1"));
    assertThat(c.rows().size(), is(10));
    assertThat(c.rows().get(9).channel(), is("instagram @c3"));
    assertThat(ReportPageBuilder.channels(entities()).rows(), is(empty()));
  }

  @Test
  void rejectReasonsWithTheMostRowsComeFirstTiesInFileOrderAndAreCutAtTwenty() {
    List<RejectGroup> groups = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      groups.add(new RejectGroup("posts", "reason " + i, i == 5 ? 9 : 1, "posts.csv", i + 2));
    }
    DataQuality q =
        ReportPageBuilder.quality(
            new ReportTables(List.of(), List.of(), List.of(), List.of(), new Rejects(31, groups)),
            RUN,
            QUALITY);
    assertThat(q.reasons().size(), is(ReportPage.MAX_REJECT_REASONS));
    assertThat(q.reasons().get(0).reason(), is("reason 5"));
    assertThat(q.reasons().get(1).reason(), is("reason 0"));
    assertThat(q.reasons().get(19).reason(), is("reason 19"));
    assertThat(q.moreReasons(), is(3));
    assertThat(q.tables(), is(QUALITY.tables()));
    assertThat(
        List.of(q.orphanPosts(), q.orphanSnapshots(), q.orphanViews()), contains(1L, 2L, 300L));
    assertThat(q.rejectsFile(), is("rejects.csv"));
  }

  @Test
  void theModelCannotBeChangedAfterItIsBuilt() {
    ReportPage page =
        ReportPageBuilder.build(
            entities(entity("2020-W12", "aino", "influencer", 1, 1, 10, 0)), RUN, QUALITY);
    assertThrows(UnsupportedOperationException.class, () -> page.header().weeks().add("2020-W13"));
    assertThrows(
        UnsupportedOperationException.class,
        () -> page.topInfluencers().top().get(0).weekly().set(0, 0L));
    assertThrows(UnsupportedOperationException.class, () -> page.quality().reasons().clear());
    assertThat(page.header().dataset(), is("demo"));
    assertThat(page.header().timezone(), is("Europe/Helsinki"));
  }
}
