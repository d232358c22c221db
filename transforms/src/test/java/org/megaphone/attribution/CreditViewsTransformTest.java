package org.megaphone.attribution;

import static org.megaphone.testing.Fixtures.attributed;
import static org.megaphone.testing.Fixtures.views;

import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.CreditedView;
import org.megaphone.model.Stats;
import org.megaphone.model.ViewSnapshot;

@ExtendWith(TestPipelineExtension.class)
class CreditViewsTransformTest {

  @Test
  void gainsAreCreditedToTheSnapshotWeekAndOrphansAreCountedNotCredited(TestPipeline p) {
    PCollection<AttributedPost> posts =
        p.apply(
            "Posts", Create.of(attributed("instagram", "p1", "2020-W13", "anna", 10, null)));
    PCollection<ViewSnapshot> snapshots =
        p.apply(
            "Views",
            Create.of(
                // Sunday of W13 (UTC), then W14 twice (one duplicate instant), then a recount down.
                views("instagram", "p1", "2020-03-29T12:00:00Z", 100),
                views("instagram", "p1", "2020-03-30T12:00:00Z", 250),
                views("instagram", "p1", "2020-03-30T12:00:00Z", 240),
                views("instagram", "p1", "2020-04-06T12:00:00Z", 200),
                views("instagram", "p1", "2020-04-07T12:00:00Z", 300),
                views("instagram", "orphan", "2020-04-07T12:00:00Z", 70)));
    PCollectionTuple out = posts.apply(new CreditViews(snapshots, "UTC"));

    PAssert.that(
            out.get(CreditViews.CREDITS)
                .apply(
"ShowCredits", MapElements.into(TypeDescriptors.strings())
                        .via((CreditedView v) -> v.getWeek() + "=" + v.getViews() + "@" + v.getEntityId())))
        .containsInAnyOrder("2020-W13=100@anna", "2020-W14=150@anna", "2020-W15=50@anna");
    PAssert.that(
            out.get(CreditViews.POSTS)
                .apply(
"ShowPostViews", MapElements.into(TypeDescriptors.longs()).via(AttributedPost::getViews)))
        .containsInAnyOrder(300L);
    PAssert.that(out.get(CreditViews.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(
            List.of(
                KV.of("views." + Stats.ACCEPTED, 5L),
                KV.of("views." + Stats.DUPLICATES, 1L),
                KV.of(Stats.VIEWS_CREDITED, 300L),
                KV.of(Stats.ORPHAN_POSTS, 1L),
                KV.of(Stats.ORPHAN_SNAPSHOTS, 1L),
                KV.of(Stats.ORPHAN_VIEWS, 70L)));
    p.run().waitUntilFinish();
  }

  @Test
  void postWithoutViewsKeepsZeroViewsAndCreditsNothing(TestPipeline p) {
    PCollection<AttributedPost> posts =
        p.apply("Posts", Create.of(attributed("tiktok", "t1", "2020-W13", "ben", 1, null)));
    PCollection<ViewSnapshot> none =
        p.apply(
            "Views",
            Create.empty(org.apache.beam.sdk.values.TypeDescriptor.of(ViewSnapshot.class)));
    PCollectionTuple out = posts.apply(new CreditViews(none, "UTC"));
    PAssert.that(out.get(CreditViews.CREDITS)).empty();
    PAssert.that(
            out.get(CreditViews.POSTS)
                .apply(
"ShowEmptyPostViews", MapElements.into(TypeDescriptors.longs()).via(AttributedPost::getViews)))
        .containsInAnyOrder(0L);
    p.run().waitUntilFinish();
  }
}
