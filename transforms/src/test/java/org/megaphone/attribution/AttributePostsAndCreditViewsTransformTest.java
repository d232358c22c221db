package org.megaphone.attribution;

import static org.megaphone.testing.Fixtures.account;
import static org.megaphone.testing.Fixtures.at;
import static org.megaphone.testing.Fixtures.post;
import static org.megaphone.testing.Fixtures.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.content.Content;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Bulletin;
import org.megaphone.model.Post;
import org.megaphone.model.PostFacts;
import org.megaphone.model.PostInput;
import org.megaphone.model.Stats;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.weekly.ReportKey;
import org.megaphone.weekly.SumReports;

@ExtendWith(TestPipelineExtension.class)
class AttributePostsAndCreditViewsTransformTest {

  private static PCollection<PostFacts> attribute(
      TestPipeline p,
      List<Post> posts,
      List<ViewSnapshot> snapshots,
      Map<String, String> overrides) {
    return attribute(p, posts, snapshots, overrides, 3);
  }

  private static PCollection<PostFacts> attribute(
      TestPipeline p,
      List<Post> posts,
      List<ViewSnapshot> snapshots,
      Map<String, String> overrides,
      int shards) {
    PCollectionView<Roster> roster =
        p.apply("Accounts", Create.of(account("instagram", "anna", "anna", "influencer", 2)))
            .apply("BuildRoster", new BuildRoster());
    PCollectionView<Campaigns> campaigns =
        p.apply("Bulletins", Create.empty(TypeDescriptor.of(Bulletin.class)))
            .apply("BuildCampaigns", new BuildCampaigns("", "P7D"));
    PCollectionView<Map<String, String>> overridesView =
        p.apply(
                "Overrides",
                Create.of(overrides)
                    .withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
            .apply("ViewOverrides", View.asMap());
    PCollection<ViewSnapshot> viewRows =
        snapshots.isEmpty()
            ? p.apply("Views", Create.empty(TypeDescriptor.of(ViewSnapshot.class)))
            : p.apply("Views", Create.of(snapshots));
    PCollection<KV<String, PostInput>> keyedPosts =
        p.apply("Posts", Create.of(posts))
            .apply("KeyPosts", MapElements.via(simple(CreditViews.keyPosts(shards))))
            .setCoder(CreditViews.inputCoder());
    PCollection<KV<String, PostInput>> keyedViews =
        viewRows
            .apply("KeyViews", MapElements.via(simple(CreditViews.keyViews(shards))))
            .setCoder(CreditViews.inputCoder());
    return PCollectionList.of(keyedPosts)
        .and(keyedViews)
        .apply("FlattenPostsAndViews", Flatten.pCollections())
        .apply(
            "CreditViews",
            new CreditViews(
                ConfigValue.of(roster),
                ConfigValue.of(campaigns),
                ConfigValue.of(overridesView),
                "UTC",
                Content.NONE));
  }

  private static <T> SimpleFunction<T, KV<String, PostInput>> simple(
      SerializableFunction<T, KV<String, PostInput>> f) {
    return new SimpleFunction<>(f) {};
  }

  /**
   * Each post's facts as text: post id (or orphan), entity, reason, total views, then views per
   * week.
   */
  private static PCollection<String> show(PCollection<PostFacts> facts) {
    return facts.apply(
        "ShowFacts",
        MapElements.into(TypeDescriptors.strings())
            .via(
                (PostFacts f) -> {
                  StringBuilder b = new StringBuilder();
                  AttributedPost a = f.getPost();
                  b.append(
                      a == null
                          ? "orphan"
                          : a.getPostId()
                              + ":"
                              + a.getWeek()
                              + ":"
                              + a.getEntityId()
                              + ":"
                              + a.getReason()
                              + ":"
                              + a.engagement());
                  b.append(" views=").append(f.getViews());
                  for (PostFacts.WeekViews w : f.getWeeks()) {
                    b.append(' ')
                        .append(w.week())
                        .append('=')
                        .append(w.views())
                        .append('/')
                        .append(w.snapshots());
                  }
                  return b.toString();
                }));
  }

  /** The run's counts the facts add up to (SumReports' stat keys). */
  private static PCollection<KV<String, Long>> stats(PCollection<PostFacts> facts) {
    return facts
        .apply(
            "StatsOfFacts",
            FlatMapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via(
                    (PostFacts f) -> {
                      List<KV<String, Long>> out = new ArrayList<>();
                      SumReports.contributions(
                          f,
                          (k, v) -> {
                            if (k.getKind() == ReportKey.Kind.STAT) {
                              out.add(KV.of(k.part(0), v.getCount()));
                            }
                          });
                      return out;
                    }))
        .apply(Sum.longsPerKey());
  }

  @Test
  void gainsAreCreditedToTheSnapshotWeekAndOrphansAreCountedNotCredited(TestPipeline p) {
    gainsAndOrphans(p, 3);
  }

  @Test
  void groupingByPostInsteadOfByShardGivesTheSameFacts(TestPipeline p) {
    gainsAndOrphans(p, 0);
  }

  private static void gainsAndOrphans(TestPipeline p, int shards) {
    PCollection<PostFacts> out =
        attribute(
            p,
            List.of(post("instagram", "p1", "anna", "2020-03-23T10:00:00Z", 10, null, "p1")),
            List.of(
                // Sunday of W13 (UTC), then W14 twice (one duplicate instant), then a recount down.
                views("instagram", "p1", "2020-03-29T12:00:00Z", 100),
                views("instagram", "p1", "2020-03-30T12:00:00Z", 250),
                views("instagram", "p1", "2020-03-30T12:00:00Z", 240),
                views("instagram", "p1", "2020-04-06T12:00:00Z", 200),
                views("instagram", "p1", "2020-04-07T12:00:00Z", 300),
                views("instagram", "orphan", "2020-04-07T12:00:00Z", 70)),
            Map.of(),
            shards);
    // W15 holds two snapshots: a recount down (gain 0) and a gain of 50.
    PAssert.that(show(out))
        .containsInAnyOrder(
            "p1:2020-W13:anna:author:10 views=300 2020-W13=100/1 2020-W14=150/1 2020-W15=50/2",
            "orphan views=70 2020-W15=70/1");
    PAssert.that(stats(out))
        .containsInAnyOrder(
            List.of(
                KV.of("posts." + Stats.ACCEPTED, 1L),
                KV.of("posts." + Stats.DUPLICATES, 0L),
                KV.of(Stats.POSTS_ENGAGEMENT, 10L),
                KV.of("views." + Stats.ACCEPTED, 5L),
                KV.of("views." + Stats.DUPLICATES, 1L),
                KV.of(Stats.VIEWS_CREDITED, 300L),
                KV.of(Stats.ORPHAN_POSTS, 1L),
                KV.of(Stats.ORPHAN_SNAPSHOTS, 1L),
                KV.of(Stats.ORPHAN_VIEWS, 70L)));
    p.run().waitUntilFinish();
  }

  @Test
  void duplicateRowsOfAPostBecomeOnePostWithTheLatestExportAndAnOverrideWins(TestPipeline p) {
    PCollection<PostFacts> out =
        attribute(
            p,
            List.of(
                post(
                    "instagram",
                    "p1",
                    "anna",
                    "2020-03-23T10:00:00Z",
                    5,
                    at("2020-04-01T00:00:00Z"),
                    "a"),
                post(
                    "instagram",
                    "p1",
                    "anna",
                    "2020-03-23T10:00:00Z",
                    9,
                    at("2020-05-01T00:00:00Z"),
                    "b"),
                post("instagram", "p1", "anna", "2020-03-23T10:00:00Z", 50, null, "c"),
                post("instagram", "s1", "stranger", "2020-03-23T10:00:00Z", 1, null, "d")),
            List.of(),
            Map.of("instagram:s1", "anna"));
    PAssert.that(show(out))
        .containsInAnyOrder(
            "p1:2020-W13:anna:author:9 views=0", "s1:2020-W13:anna:override:1 views=0");
    p.run().waitUntilFinish();
  }
}
