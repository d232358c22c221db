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
 * claims_weekly.csv as the report job makes it (SumReports, then FormatReports): D36, the spread
 * (posts carrying the claim that are not campaign posts, with their views) against the campaign's
 * answer (campaign posts carrying it, by publication week, views not counted), and coverage.
 * Expected rows computed by hand.
 */
@ExtendWith(TestPipelineExtension.class)
class ClaimsWeeklyTest {

  private static final Roster ROSTER =
      roster(
          account("instagram", "anna", "anna", null, "influencer", null, null, 2),
          account("youtube", "sindaco.ivrea", "ivrea-mayor", null, "mayor", null, null, 3));

  @Test
  void setsEachClaimsSpreadAgainstTheCampaignsAnswerPerWeekAndPlatform(TestPipeline p) {
    PCollectionTuple out =
        WeeklyReportsFixture.sumAndFormat(
            p,
            List.of(
                // The spread on Instagram: engagement 6, views 30 in W13 and 20 in W14.
                facts(
                    post("instagram", "s1")
                        .by("anna", "anna", "influencer")
                        .week("2020-W13")
                        .counts(5, 1, 0, 0)
                        .claims("c1")
                        .build(),
                    views("2020-W13", 30, 1),
                    views("2020-W14", 20, 1)),
                // The answer on Instagram to two claims: engagement 13; its views count nowhere.
                facts(
                    post("instagram", "a1")
                        .by("anna", "anna", "influencer")
                        .week("2020-W13")
                        .campaign()
                        .counts(10, 2, 1, 0)
                        .claims("c1", "c2")
                        .build(),
                    views("2020-W13", 100, 1)),
                // An answer on YouTube whose views, in W14, give no W14 row.
                facts(
                    post("youtube", "m1")
                        .by("sindaco.ivrea", "ivrea-mayor", "mayor")
                        .week("2020-W13")
                        .campaign()
                        .counts(20, 4, 0, 0)
                        .claims("c1")
                        .build(),
                    views("2020-W14", 200, 1)),
                // Spread nobody answered: coverage 0.
                facts(
                    post("x", "u1")
                        .unattributed("stranger")
                        .week("2020-W14")
                        .counts(3, 0, 0, 0)
                        .claims("c1")
                        .build()),
                // Without a claim, a post is in no row.
                facts(
                    post("instagram", "n1")
                        .by("anna", "anna", "influencer")
                        .week("2020-W13")
                        .counts(50, 0, 0, 0)
                        .build(),
                    views("2020-W13", 1000, 1))),
            List.of(),
            ROSTER,
            "UTC",
            false);

    // coverage = counter_engagement / engagement: 13 / 6 = 2.1666… → 2.166667; empty when the
    // spread's engagement is 0.
    PAssert.that(WeeklyReportsFixture.rows(out, Report.CLAIMS_WEEKLY.file()))
        .containsInAnyOrder(
            "2020-W13,c1,instagram,1,6,30,1,13,2.166667",
            "2020-W14,c1,instagram,0,0,20,0,0,",
            "2020-W13,c2,instagram,0,0,0,1,13,",
            "2020-W13,c1,youtube,0,0,0,1,24,",
            "2020-W14,c1,x,1,3,0,0,0,0.000000");
    p.run().waitUntilFinish();
  }
}
