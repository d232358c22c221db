package org.megaphone.attribution;

import static org.megaphone.testing.Fixtures.at;
import static org.megaphone.testing.Fixtures.post;

import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.model.Post;
import org.megaphone.rules.PostDeduplication;

@ExtendWith(TestPipelineExtension.class)
class DeduplicateTransformTest {

  @Test
  void keepsTheLatestExportPerPostAndCountsTheOthersAsDuplicates(TestPipeline p) {
    Deduplicate<Post> dedup = new Deduplicate<>("posts", Post::key, PostDeduplication::compare);
    PCollectionTuple out =
        p.apply(
                Create.of(
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
                    post("tiktok", "p1", "anna", "2020-03-23T10:00:00Z", 1, null, "d")))
            .apply(dedup);
    PAssert.that(
            out.get(dedup.kept)
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via((Post x) -> x.key() + "/" + x.getLikes())))
        .containsInAnyOrder("instagram:p1/9", "tiktok:p1/1");
    PAssert.that(out.get(Deduplicate.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(List.of(KV.of("posts.accepted", 2L), KV.of("posts.duplicates", 2L)));
    p.run().waitUntilFinish();
  }
}
