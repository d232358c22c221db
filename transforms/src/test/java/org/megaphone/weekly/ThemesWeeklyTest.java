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
 * themes_weekly.csv as the report job makes it (SumReports, then FormatReports): D35, a row per
 * week, theme and role of the entity credited (empty for unattributed) with posts published or
 * views credited, a post counting under each of its themes. Expected rows computed by hand.
 */
@ExtendWith(TestPipelineExtension.class)
class ThemesWeeklyTest {

  private static final Roster ROSTER =
      roster(
          account("instagram", "anna", "anna", null, "influencer", null, null, 2),
          account("youtube", "sindaco.ivrea", "ivrea-mayor", null, "mayor", null, null, 3));

  @Test
  void countsAPostUnderEachOfItsThemesPerRoleOfTheEntityCredited(TestPipeline p) {
    PCollectionTuple out =
        WeeklyReportsFixture.sumAndFormat(
            p,
            List.of(
                facts(
                    post("instagram", "a1")
                        .by("anna", "anna", "influencer")
                        .week("2020-W13")
                        .counts(10, 2, 1, 0)
                        .themes("hope", "solidarity")
                        .build(),
                    views("2020-W13", 100, 1),
                    views("2020-W14", 50, 1)),
                facts(
                    post("instagram", "a2")
                        .by("anna", "anna", "influencer")
                        .week("2020-W13")
                        .counts(5, 0, 0, 1)
                        .themes("hope")
                        .build()),
                // The same theme from a mayor: a row of its own role.
                facts(
                    post("youtube", "m1")
                        .by("sindaco.ivrea", "ivrea-mayor", "mayor")
                        .week("2020-W13")
                        .counts(20, 4, 0, 0)
                        .themes("hope")
                        .build(),
                    views("2020-W14", 200, 1)),
                facts(
                    post("x", "u1")
                        .unattributed("stranger")
                        .week("2020-W14")
                        .counts(3, 0, 0, 0)
                        .themes("health_guidance")
                        .build()),
                // Without a theme, a post is in no row, whatever it earned.
                facts(
                    post("instagram", "a3")
                        .by("anna", "anna", "influencer")
                        .week("2020-W13")
                        .counts(99, 0, 0, 0)
                        .build(),
                    views("2020-W14", 500, 1))),
            List.of(),
            ROSTER,
            "UTC",
            false);

    PAssert.that(WeeklyReportsFixture.rows(out, Report.THEMES_WEEKLY.file()))
        .containsInAnyOrder(
            "2020-W13,hope,influencer,2,19,100",
            "2020-W13,solidarity,influencer,1,13,100",
            "2020-W14,hope,influencer,0,0,50",
            "2020-W14,solidarity,influencer,0,0,50",
            "2020-W13,hope,mayor,1,24,0",
            "2020-W14,hope,mayor,0,0,200",
            "2020-W14,health_guidance,,1,3,0");
    p.run().waitUntilFinish();
  }
}
