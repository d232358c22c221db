package org.megaphone.weekly;

import static org.megaphone.weekly.WeeklyReportsFixture.account;
import static org.megaphone.weekly.WeeklyReportsFixture.facts;
import static org.megaphone.weekly.WeeklyReportsFixture.post;
import static org.megaphone.weekly.WeeklyReportsFixture.roster;
import static org.megaphone.weekly.WeeklyReportsFixture.views;

import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.attribution.Roster;
import org.megaphone.reports.Report;

/**
 * platforms_weekly.csv as the report job makes it (SumReports, then FormatReports): contract
 * section 5 (a row per week, platform and language with posts published or views credited) and D20.
 * Expected rows computed by hand.
 */
@ExtendWith(TestPipelineExtension.class)
class PlatformsWeeklyTest {

  private static final Roster ROSTER =
      roster(
          account("instagram", "anna", "anna", null, "influencer", null, null, 2),
          account("instagram", "ben", "ben", null, "influencer", null, null, 3),
          account("youtube", "sindaco.ivrea", "ivrea-mayor", null, "mayor", null, null, 4));

  @Test
  void sumsThePostsOfTheWeekAndTheViewsCreditedThatWeekPerPlatformAndLanguageWhoeverEarnedThem(
      TestPipeline p) {
    PCollectionTuple out =
        WeeklyReportsFixture.sumAndFormat(
            p,
            List.of(
                // Two entities' Finnish Instagram posts share a row; anna's Swedish one has its
                // own.
                facts(
                    post("instagram", "a1")
                        .by("anna", "anna", "influencer")
                        .week("2020-W13")
                        .campaign()
                        .counts(10, 2, 1, 0)
                        .followers(100L)
                        .build(),
                    views("2020-W13", 100, 1),
                    views("2020-W14", 50, 1)),
                facts(
                    post("instagram", "b1")
                        .by("ben", "ben", "influencer")
                        .week("2020-W13")
                        .counts(1, 1, 0, 0)
                        .build()),
                facts(
                    post("instagram", "a2")
                        .by("anna", "anna", "influencer")
                        .week("2020-W13")
                        .language("sv")
                        .counts(4, 0, 0, 0)
                        .build()),
                // Published in W13, its views credited in W15 only.
                facts(
                    post("youtube", "m1")
                        .by("sindaco.ivrea", "ivrea-mayor", "mayor")
                        .week("2020-W13")
                        .language("it")
                        .campaign()
                        .counts(20, 4, 0, 0)
                        .build(),
                    views("2020-W15", 200, 1)),
                // No language (neither the post's nor a roster one): an empty language cell.
                facts(
                    post("x", "u1")
                        .unattributed("stranger")
                        .week("2020-W14")
                        .language(null)
                        .counts(3, 0, 0, 0)
                        .build())),
            List.of(),
            ROSTER,
            "UTC",
            false);

    PAssert.that(WeeklyReportsFixture.rows(out, Report.PLATFORMS_WEEKLY.file()))
        .containsInAnyOrder(
            "2020-W13,instagram,fi,2,1,15,100",
            "2020-W14,instagram,fi,0,0,0,50",
            "2020-W13,instagram,sv,1,0,4,0",
            "2020-W13,youtube,it,1,1,24,0",
            "2020-W15,youtube,it,0,0,0,200",
            "2020-W14,x,,1,0,3,0");
    p.run().waitUntilFinish();
  }

  @Test
  void aWeekInWhichAPostsSnapshotsGainedNothingStillGetsItsRow(TestPipeline p) {
    PCollectionTuple out =
        WeeklyReportsFixture.sumAndFormat(
            p,
            List.of(
                // 80 views in W13, then two snapshots in W14 that gained nothing (D20).
                facts(
                    post("instagram", "a1")
                        .by("anna", "anna", "influencer")
                        .week("2020-W13")
                        .counts(1, 0, 0, 0)
                        .build(),
                    views("2020-W13", 80, 1),
                    views("2020-W14", 0, 2))),
            List.of(),
            ROSTER,
            "UTC",
            false);

    PAssert.that(WeeklyReportsFixture.rows(out, Report.PLATFORMS_WEEKLY.file()))
        .containsInAnyOrder("2020-W13,instagram,fi,1,0,1,80", "2020-W14,instagram,fi,0,0,0,0");
    p.run().waitUntilFinish();
  }
}
