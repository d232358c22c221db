package org.megaphone.weekly;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.megaphone.weekly.WeeklyReportsFixture.account;
import static org.megaphone.weekly.WeeklyReportsFixture.bulletin;
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
 * bulletin_uptake.csv as the report job makes it (SumReports, then FormatReports): contract section
 * 5 (adopters, uptake_rate, median_hours_to_post) and D22, in Europe/Helsinki (sent_at with the
 * offset of its instant). Expected rows computed by hand.
 */
@ExtendWith(TestPipelineExtension.class)
class BulletinUptakeTest {
  private static final String HELSINKI = "Europe/Helsinki";

  private static final Roster ROSTER =
      roster(
          account("instagram", "anna", "anna", null, "influencer", null, null, 2),
          account("instagram", "ben", "ben", null, "influencer", null, null, 3),
          account("youtube", "sindaco.ivrea", "ivrea-mayor", null, "mayor", null, null, 4));

  @Test
  void givesEveryBulletinARowWithItsAdoptersPostsEngagementViewsAndMedianHoursToTheirFirstPost(
      TestPipeline p) {
    PCollectionTuple out =
        WeeklyReportsFixture.sumAndFormat(
            p,
            List.of(
                // b1, sent 2020-03-23T08:00Z: anna's first post after 26 h, her second after 72 h;
                // the mayor's after 56 h; an unattributed one after 1 h (a post, not an adopter).
                facts(
                    post("instagram", "a1")
                        .by("anna", "anna", "influencer")
                        .published("2020-03-24T10:00:00Z", "2020-W13")
                        .bulletin("b1")
                        .counts(10, 2, 1, 0)
                        .build(),
                    views("2020-W13", 100, 1),
                    views("2020-W14", 50, 1)),
                facts(
                    post("instagram", "a2")
                        .by("anna", "anna", "influencer")
                        .published("2020-03-26T08:00:00Z", "2020-W13")
                        .bulletin("b1")
                        .counts(5, 0, 0, 1)
                        .build()),
                facts(
                    post("youtube", "m1")
                        .by("sindaco.ivrea", "ivrea-mayor", "mayor")
                        .published("2020-03-25T16:00:00Z", "2020-W13")
                        .bulletin("b1")
                        .counts(20, 4, 0, 0)
                        .build(),
                    views("2020-W14", 200, 1)),
                facts(
                    post("x", "u1")
                        .unattributed("stranger")
                        .published("2020-03-23T09:00:00Z", "2020-W13")
                        .bulletin("b1")
                        .counts(0, 0, 7, 0)
                        .build()),
                // b3, sent 2020-04-06T06:00Z to an audience of 0: ben after 1.5 h.
                facts(
                    post("instagram", "b1")
                        .by("ben", "ben", "influencer")
                        .published("2020-04-06T07:30:00Z", "2020-W15")
                        .bulletin("b3")
                        .counts(1, 1, 0, 0)
                        .build()),
                // A campaign post credited to no bulletin counts in none.
                facts(
                    post("instagram", "a3")
                        .by("anna", "anna", "influencer")
                        .published("2020-03-24T12:00:00Z", "2020-W13")
                        .campaign()
                        .counts(100, 0, 0, 0)
                        .build(),
                    views("2020-W13", 1000, 1))),
            List.of(
                bulletin("b1", "coronafacts", "2020-03-23T08:00:00Z", "fi", 40L),
                bulletin("b2", null, "2020-03-30T08:00:00Z", "sv", null),
                bulletin("b3", "coronafacts", "2020-04-06T06:00:00Z", "en", 0L)),
            ROSTER,
            HELSINKI,
            false);

    // b1: 2 adopters of 40 = 0.05; 4 posts, engagement 13 + 6 + 24 + 7 = 50, views 150 + 200 =
    // 350 whatever their week; median of 26 h and 56 h = 41 h. b2: no posts, no audience. b3: an
    // audience of 0 gives no uptake_rate; one adopter, median 1.5 h.
    PAssert.that(WeeklyReportsFixture.rows(out, Report.BULLETIN_UPTAKE.file()))
        .containsInAnyOrder(
            "b1,coronafacts,fi,2020-03-23T10:00:00+02:00,40,2,0.050000,4,50,350,41.000000",
            "b2,,sv,2020-03-30T11:00:00+03:00,,0,,0,0,0,",
            "b3,coronafacts,en,2020-04-06T09:00:00+03:00,0,1,,1,2,0,1.500000");
    p.run().waitUntilFinish();
  }

  @Test
  void postsCreditedToABulletinMissingFromTheBulletinsTableStopTheRun(TestPipeline p) {
    WeeklyReportsFixture.sumAndFormat(
        p,
        List.of(
            facts(
                post("instagram", "a1")
                    .by("anna", "anna", "influencer")
                    .bulletin("b9")
                    .counts(1, 0, 0, 0)
                    .build())),
        List.of(bulletin("b1", "coronafacts", "2020-03-23T08:00:00Z", "fi", 40L)),
        ROSTER,
        HELSINKI,
        false);

    Throwable failure = assertThrows(Throwable.class, () -> p.run().waitUntilFinish());
    while (failure.getCause() != null && !(failure instanceof IllegalStateException)) {
      failure = failure.getCause();
    }
    assertThat(
        failure.getMessage(),
        is("posts credited to bulletin b9, which is not in the bulletins table"));
  }
}
