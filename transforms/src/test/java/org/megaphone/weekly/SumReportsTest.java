package org.megaphone.weekly;

import static org.megaphone.weekly.WeeklyReportsFixture.at;
import static org.megaphone.weekly.WeeklyReportsFixture.bulletin;
import static org.megaphone.weekly.WeeklyReportsFixture.facts;
import static org.megaphone.weekly.WeeklyReportsFixture.orphan;
import static org.megaphone.weekly.WeeklyReportsFixture.post;
import static org.megaphone.weekly.WeeklyReportsFixture.views;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.model.Bulletin;
import org.megaphone.model.PostFacts;

/**
 * The one keyed sum behind every weekly report (contract section 5): what each post's facts add to
 * which key, one element per key, the same with Combine.perKey (Flink) and with one map summed
 * globally (the DirectRunner's {@link SumPerKey}). Expected sums computed by hand.
 */
@ExtendWith(TestPipelineExtension.class)
class SumReportsTest {

  private static WeeklyTotals totals(
      long posts, long campaignPosts, long likes, long views, long snapshots) {
    return WeeklyTotals.create(
        posts, campaignPosts, likes, 0, 0, 0, views, snapshots, BigDecimal.ZERO, BigDecimal.ONE, 0);
  }

  private static KV<ReportKey, Sums> sum(ReportKey.Kind kind, Sums sums, String... parts) {
    return KV.of(ReportKey.of(kind, parts), sums);
  }

  private static KV<ReportKey, Sums> stat(String name, long count) {
    return KV.of(ReportKey.of(ReportKey.Kind.STAT, name), Sums.count(count));
  }

  /**
   * p1: anna's campaign post of W13 credited to bulletin b1, 10 likes over 100 followers, theme
   * hope, claim c1, 40 views credited in W14. p2: anna's other post of W13, 2 likes, followers
   * unknown, read in two rows. An orphan of 1 snapshot and 5 views. b2 has no post.
   */
  private static void sumsEveryReportKeyOnce(TestPipeline p, boolean perKey) {
    PCollection<Bulletin> bulletins =
        p.apply(
            "CreateBulletins",
            Create.of(
                bulletin("b1", "coronafacts", "2020-03-23T08:00:00Z", "fi", 40L),
                bulletin("b2", "coronafacts", "2020-03-30T08:00:00Z", "sv", null)));
    PCollection<KV<ReportKey, Sums>> sums =
        p.apply(
                "CreateFacts",
                Create.of(
                    facts(
                        post("instagram", "p1")
                            .by("anna", "anna", "influencer")
                            .published("2020-03-24T10:00:00Z", "2020-W13")
                            .bulletin("b1")
                            .counts(10, 0, 0, 0)
                            .followers(100L)
                            .themes("hope")
                            .claims("c1")
                            .build(),
                        views("2020-W14", 40, 1)),
                    facts(
                        post("instagram", "p2")
                            .by("anna", "anna", "influencer")
                            .week("2020-W13")
                            .counts(2, 0, 0, 0)
                            .build(),
                        2,
                        0),
                    orphan(1, 5)))
            .apply("SumReports", new SumReports(bulletins, perKey));

    WeeklyTotals w14Views = WeeklyTotals.ofViews(40, 1);
    PAssert.that(sums)
        .containsInAnyOrder(
            // Only entities_weekly carries the engagement rate: 10/100 = 1/10, of one rated post.
            sum(
                ReportKey.Kind.ENTITY,
                Sums.of(
                    WeeklyTotals.create(
                        2, 1, 12, 0, 0, 0, 0, 0, BigDecimal.ONE, BigDecimal.TEN, 1)),
                "2020-W13",
                "anna"),
            sum(ReportKey.Kind.ENTITY, Sums.of(w14Views), "2020-W14", "anna"),
            sum(
                ReportKey.Kind.PLATFORM,
                Sums.of(totals(2, 1, 12, 0, 0)),
                "2020-W13",
                "instagram",
                "fi"),
            sum(ReportKey.Kind.PLATFORM, Sums.of(w14Views), "2020-W14", "instagram", "fi"),
            sum(
                ReportKey.Kind.THEME,
                Sums.of(totals(1, 1, 10, 0, 0)),
                "2020-W13",
                "hope",
                "influencer"),
            sum(ReportKey.Kind.THEME, Sums.of(w14Views), "2020-W14", "hope", "influencer"),
            // A campaign post is the claim's answer, and its views are not the spread's: no W14
            // key.
            sum(
                ReportKey.Kind.CLAIM,
                Sums.counter(totals(1, 1, 10, 0, 0)),
                "2020-W13",
                "c1",
                "instagram"),
            sum(
                ReportKey.Kind.BULLETIN,
                Sums.of(UptakeTotals.create(1, 10, 40, Map.of("anna", at("2020-03-24T10:00:00Z")))),
                "b1"),
            sum(ReportKey.Kind.BULLETIN, Sums.NONE, "b2"),
            stat("views.accepted", 2),
            stat("views.duplicates", 0),
            stat("posts.accepted", 2),
            stat("posts.duplicates", 1),
            stat("totals.posts_engagement", 12),
            stat("totals.views_credited", 40),
            stat("orphans.posts", 1),
            stat("orphans.snapshots", 1),
            stat("orphans.views", 5));
    p.run().waitUntilFinish();
  }

  @Test
  void sumsEveryReportKeyOnceWithCombinePerKey(TestPipeline p) {
    sumsEveryReportKeyOnce(p, true);
  }

  @Test
  void sumsEveryReportKeyOnceWithOneMapSummedGlobally(TestPipeline p) {
    sumsEveryReportKeyOnce(p, false);
  }

  @Test
  void manyPostsOfOneEntityAndWeekBecomeOneSumInBothModes(TestPipeline p) {
    List<PostFacts> facts = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      facts.add(
          facts(
              post("x", "p" + i)
                  .by("vnk_fi", "vnk", "government")
                  .week("2020-W14")
                  .language("fi")
                  .counts(i, 0, 0, 0)
                  .build()));
    }
    PCollection<PostFacts> input = p.apply("CreateFacts", Create.of(facts));
    PCollection<Bulletin> noBulletins =
        p.apply("CreateBulletins", Create.empty(Bulletin.WireCoder.INSTANCE));
    // 40 posts, likes 1 + 2 + … + 40 = 820.
    KV<ReportKey, Sums> expected =
        sum(ReportKey.Kind.ENTITY, Sums.of(totals(40, 0, 820, 0, 0)), "2020-W14", "vnk");
    for (boolean perKey : new boolean[] {true, false}) {
      PCollection<KV<ReportKey, Sums>> entities =
          input
              .apply(perKey ? "SumPerKey" : "SumGlobally", new SumReports(noBulletins, perKey))
              .apply(
                  perKey ? "KeepEntitiesPerKey" : "KeepEntitiesGlobally",
                  Filter.by(
                      (KV<ReportKey, Sums> s) -> s.getKey().getKind() == ReportKey.Kind.ENTITY));
      PAssert.that(perKey ? "OneEntitySumPerKey" : "OneEntitySumGlobally", entities)
          .containsInAnyOrder(expected);
    }
    p.run().waitUntilFinish();
  }
}
