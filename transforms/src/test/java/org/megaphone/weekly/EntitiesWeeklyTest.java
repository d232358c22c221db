package org.megaphone.weekly;

import static org.megaphone.weekly.WeeklyReportsFixture.account;
import static org.megaphone.weekly.WeeklyReportsFixture.facts;
import static org.megaphone.weekly.WeeklyReportsFixture.orphan;
import static org.megaphone.weekly.WeeklyReportsFixture.post;
import static org.megaphone.weekly.WeeklyReportsFixture.roster;
import static org.megaphone.weekly.WeeklyReportsFixture.views;

import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.attribution.Roster;
import org.megaphone.model.PostFacts;
import org.megaphone.model.Stats;
import org.megaphone.reports.Report;

/**
 * entities_weekly.csv as the report job makes it (SumReports, then FormatReports): contract section
 * 5 (a row per week and entity with posts published or views credited; engagement_rate), D19, D20,
 * D21 and the conservation sums. Expected rows computed by hand.
 */
@ExtendWith(TestPipelineExtension.class)
class EntitiesWeeklyTest {

  /** anna has two accounts (one entity); the mayor has display attributes of every kind. */
  private static final Roster ROSTER =
      roster(
          account("instagram", "anna", "anna", "Anna Virtanen", "influencer", "core", null, 2),
          account("tiktok", "anna.v", "anna", null, "influencer", null, null, 3),
          account(
              "youtube",
              "sindaco.ivrea",
              "ivrea-mayor",
              "Sindaco di Ivrea",
              "mayor",
              "bulletin",
              "Ivrea",
              4));

  /**
   * a1: a campaign post of W13, engagement 13 over 100 followers (0.13), read twice, its views
   * credited 100 in W13 and 50 in W14 (two snapshots, one more dropped as a duplicate). a2: anna's
   * TikTok post of W13, engagement 6 over 200 followers (0.03), whose one snapshot, in W15, gained
   * nothing. m1: the mayor's campaign post, followers unknown, 200 views credited in W14. u1: a
   * post of W14 nobody is credited with, followers 0 (not rated). And 70 orphan views.
   */
  private static List<PostFacts> postsOfThreeWeeks() {
    return List.of(
        facts(
            post("instagram", "a1")
                .by("anna", "anna", "influencer")
                .week("2020-W13")
                .campaign()
                .counts(10, 2, 1, 0)
                .followers(100L)
                .build(),
            2,
            1,
            views("2020-W13", 100, 1),
            views("2020-W14", 50, 2)),
        facts(
            post("tiktok", "a2")
                .by("anna.v", "anna", "influencer")
                .week("2020-W13")
                .counts(5, 0, 0, 1)
                .followers(200L)
                .build(),
            views("2020-W15", 0, 1)),
        facts(
            post("youtube", "m1")
                .by("sindaco.ivrea", "ivrea-mayor", "mayor")
                .week("2020-W13")
                .language("it")
                .campaign()
                .counts(20, 4, 0, 0)
                .build(),
            views("2020-W14", 200, 1)),
        facts(
            post("x", "u1")
                .unattributed("stranger")
                .week("2020-W14")
                .counts(3, 0, 0, 0)
                .followers(0L)
                .build()),
        orphan(2, 70));
  }

  @Test
  void sumsEachEntitysPostsOfTheWeekAndTheViewsCreditedThatWeekWithItsRosterDetails(
      TestPipeline p) {
    PCollectionTuple out =
        WeeklyReportsFixture.sumAndFormat(p, postsOfThreeWeeks(), List.of(), ROSTER, "UTC", false);

    // engagement_rate of anna in W13: mean(13/100, 6/200) = 0.08; none for the mayor (followers
    // unknown) and (unattributed) (followers 0), nor for weeks without posts. anna's W15 row
    // exists with 0 views: its snapshot gained nothing (D20).
    PAssert.that(WeeklyReportsFixture.rows(out, Report.ENTITIES_WEEKLY.file()))
        .containsInAnyOrder(
            "2020-W13,anna,Anna Virtanen,influencer,core,,2,1,15,2,1,1,19,100,0.080000",
            "2020-W14,anna,Anna Virtanen,influencer,core,,0,0,0,0,0,0,0,50,",
            "2020-W15,anna,Anna Virtanen,influencer,core,,0,0,0,0,0,0,0,0,",
            "2020-W13,ivrea-mayor,Sindaco di Ivrea,mayor,bulletin,Ivrea,1,1,20,4,0,0,24,0,",
            "2020-W14,ivrea-mayor,Sindaco di Ivrea,mayor,bulletin,Ivrea,0,0,0,0,0,0,0,200,",
            "2020-W14,(unattributed),(unattributed),,,,1,0,3,0,0,0,3,0,");
    p.run().waitUntilFinish();
  }

  @Test
  void itsRowsAddUpToTheEngagementOfThePostsAndTheViewsCredited(TestPipeline p) {
    PCollectionTuple out =
        WeeklyReportsFixture.sumAndFormat(p, postsOfThreeWeeks(), List.of(), ROSTER, "UTC", false);

    // Conservation: 13 + 6 + 24 + 3 = 46 engagement; 150 + 0 + 200 + 0 = 350 views credited; the
    // orphan's 70 views are counted as orphans, in no row.
    PAssert.that(WeeklyReportsFixture.stats(out))
        .containsInAnyOrder(
            KV.of(Stats.ENTITIES_WEEKLY_POSTS, 4L),
            KV.of(Stats.ENTITIES_WEEKLY_ENGAGEMENT, 46L),
            KV.of(Stats.ENTITIES_WEEKLY_VIEWS, 350L),
            KV.of(Stats.POSTS_ENGAGEMENT, 46L),
            KV.of(Stats.VIEWS_CREDITED, 350L),
            KV.of("posts." + Stats.ACCEPTED, 4L),
            KV.of("posts." + Stats.DUPLICATES, 1L),
            KV.of("views." + Stats.ACCEPTED, 7L),
            KV.of("views." + Stats.DUPLICATES, 1L),
            KV.of(Stats.ORPHAN_POSTS, 1L),
            KV.of(Stats.ORPHAN_SNAPSHOTS, 2L),
            KV.of(Stats.ORPHAN_VIEWS, 70L));
    p.run().waitUntilFinish();
  }
}
