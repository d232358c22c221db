package org.megaphone.attribution;

import static org.megaphone.testing.Fixtures.account;
import static org.megaphone.testing.Fixtures.at;
import static org.megaphone.testing.Fixtures.post;
import static org.megaphone.testing.Fixtures.views;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Bulletin;
import org.megaphone.model.CreditedView;
import org.megaphone.model.Post;
import org.megaphone.model.Stats;
import org.megaphone.model.ViewSnapshot;

@ExtendWith(TestPipelineExtension.class)
class AttributePostsAndCreditViewsTransformTest {

  private static PCollectionTuple attribute(
      TestPipeline p, List<Post> posts, List<ViewSnapshot> snapshots, Map<String, String> overrides) {
    PCollectionView<Roster> roster =
        p.apply("Accounts", Create.of(account("instagram", "anna", "anna", "influencer", 2)))
            .apply("BuildRoster", new BuildRoster());
    PCollectionView<Campaigns> campaigns =
        p.apply("Bulletins", Create.empty(TypeDescriptor.of(Bulletin.class)))
            .apply("BuildCampaigns", new BuildCampaigns("", "P7D"));
    PCollectionView<Map<String, String>> overridesView =
        p.apply(
                "Overrides",
                Create.of(overrides).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
            .apply("ViewOverrides", View.asMap());
    PCollection<ViewSnapshot> viewRows =
        snapshots.isEmpty()
            ? p.apply("Views", Create.empty(TypeDescriptor.of(ViewSnapshot.class)))
            : p.apply("Views", Create.of(snapshots));
    return p.apply("Posts", Create.of(posts))
        .apply("AttributePosts", new AttributePosts(roster, campaigns, overridesView, "UTC"))
        .apply("CreditViews", new CreditViews(viewRows, "UTC", 3));
  }

  @Test
  void gainsAreCreditedToTheSnapshotWeekAndOrphansAreCountedNotCredited(TestPipeline p) {
    PCollectionTuple out =
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
            Map.of());
    PAssert.that(
            out.get(CreditViews.CREDITS)
                .apply(
                    "ShowCredits",
                    MapElements.into(TypeDescriptors.strings())
                        .via((CreditedView v) -> v.getWeek() + "=" + v.getViews() + "@" + v.getEntityId())))
        .containsInAnyOrder(
            "2020-W13=100@anna", "2020-W14=150@anna", "2020-W15=0@anna", "2020-W15=50@anna");
    PAssert.that(
            out.get(CreditViews.POSTS)
                .apply(
                    "ShowPosts",
                    MapElements.into(TypeDescriptors.strings())
                        .via((AttributedPost a) -> a.getWeek() + ":" + a.getReason() + ":" + a.getViews())))
        .containsInAnyOrder("2020-W13:author:300");
    PAssert.that(out.get(CreditViews.STATS).apply(Sum.longsPerKey()))
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
    PCollectionTuple out =
        attribute(
            p,
            List.of(
                post("instagram", "p1", "anna", "2020-03-23T10:00:00Z", 5, at("2020-04-01T00:00:00Z"), "a"),
                post("instagram", "p1", "anna", "2020-03-23T10:00:00Z", 9, at("2020-05-01T00:00:00Z"), "b"),
                post("instagram", "p1", "anna", "2020-03-23T10:00:00Z", 50, null, "c"),
                post("instagram", "s1", "stranger", "2020-03-23T10:00:00Z", 1, null, "d")),
            List.of(),
            Map.of("instagram:s1", "anna"));
    PAssert.that(
            out.get(CreditViews.POSTS)
                .apply(
                    "ShowPosts",
                    MapElements.into(TypeDescriptors.strings())
                        .via((AttributedPost a) -> a.getPostId() + ":" + a.engagement() + ":" + a.getEntityId() + ":" + a.getReason())))
        .containsInAnyOrder("p1:9:anna:author", "s1:1:anna:override");
    PAssert.that(out.get(CreditViews.CREDITS)).empty();
    p.run().waitUntilFinish();
  }
}
