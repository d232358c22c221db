package org.megaphone.weekly;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.SourceRef;
import org.megaphone.stream.PaneRow;
import org.megaphone.stream.RankTopPosts;
import org.megaphone.write.ReportRow;

/**
 * top_posts_weekly (D37), computed by hand: baselines from 3 previous posts on, ties of publication
 * time broken by post_id, a re-export that replaces a post, and the stream's version fed the same
 * posts backwards.
 */
@ExtendWith(TestPipelineExtension.class)
class TopPostsTransformTest {

  private static AttributedPost post(
      String handle, String id, String publishedAt, String week, long likes, Long exportedAt) {
    return AttributedPost.create(
        "instagram",
        id,
        handle,
        Instant.parse(publishedAt).toEpochMilli(),
        week,
        handle + "-entity",
        "author",
        false,
        null,
        "fi",
        likes,
        0,
        0,
        0,
        null,
        0L,
        exportedAt,
        "raw-" + id + "-" + likes,
        SourceRef.create("posts.csv", 2, ""),
        "influencer",
        "https://instagram.com/p/" + id,
        List.of(),
        List.of());
  }

  /**
   * anna: 10, 20, 30, 100, 5 in W13, then 60 in W14; bob: three posts only; cleo: a tie in time.
   */
  private static List<AttributedPost> posts() {
    return List.of(
        post("anna", "a1", "2020-03-23T08:00:00Z", "2020-W13", 10, null),
        post("anna", "a2", "2020-03-23T09:00:00Z", "2020-W13", 20, null),
        post("anna", "a3", "2020-03-24T09:00:00Z", "2020-W13", 30, null),
        post("anna", "a4", "2020-03-25T09:00:00Z", "2020-W13", 90, 1L),
        post("anna", "a4", "2020-03-25T09:00:00Z", "2020-W13", 100, 2L), // a later export wins
        post("anna", "a5", "2020-03-26T09:00:00Z", "2020-W13", 5, null),
        post("anna", "a6", "2020-03-30T09:00:00Z", "2020-W14", 60, null),
        post("bob", "b1", "2020-03-23T09:00:00Z", "2020-W13", 1, null),
        post("bob", "b2", "2020-03-24T09:00:00Z", "2020-W13", 1, null),
        post("bob", "b3", "2020-03-25T09:00:00Z", "2020-W13", 1000, null),
        post("cleo", "c1", "2020-03-23T09:00:00Z", "2020-W13", 4, null),
        post("cleo", "c3", "2020-03-23T09:00:00Z", "2020-W13", 8, null),
        post("cleo", "c2", "2020-03-23T09:00:00Z", "2020-W13", 6, null),
        post("cleo", "c4", "2020-03-24T09:00:00Z", "2020-W13", 12, null));
  }

  /**
   * a4: median(10, 20, 30) = 20 → 100 / 20 = 5; a5: median(10, 20, 30, 100) = 25 → 0.2; a6:
   * median(5, 10, 20, 30, 100) = 20 → 3. cleo's tie is ordered c1, c2, c3: c4 against median(4, 6,
   * 8) = 6 → 2. bob has no post with three before it.
   */
  private static final Map<String, String> EXPECTED =
      Map.of(
          "2020-W13 1",
              "2020-W13,1,instagram,a4,anna,anna-entity,100,20.000000,5.000000,https://instagram.com/p/a4",
          "2020-W13 2",
              "2020-W13,2,instagram,c4,cleo,cleo-entity,12,6.000000,2.000000,https://instagram.com/p/c4",
          "2020-W13 3",
              "2020-W13,3,instagram,a5,anna,anna-entity,5,25.000000,0.200000,https://instagram.com/p/a5",
          "2020-W14 1",
              "2020-W14,1,instagram,a6,anna,anna-entity,60,20.000000,3.000000,https://instagram.com/p/a6");

  /** The de-duplicated posts the batch report ranks (the later export of a4 only). */
  private static List<AttributedPost> deduplicated() {
    List<AttributedPost> kept = new ArrayList<>(posts());
    kept.removeIf(p -> p.getPostId().equals("a4") && p.getLikes() == 90);
    return kept;
  }

  @Test
  void theBatchReportRanksPostsAgainstTheirAccountsBaseline(TestPipeline p) {
    PCollection<ReportRow> rows =
        p.apply(Create.of(deduplicated())).apply(new TopPostsWeekly(10, 3));
    PAssert.that(rows).satisfies(batchRows());
    p.run().waitUntilFinish();
  }

  @Test
  void theStreamEndsWithTheBatchRowsWhateverTheOrderAndDuplicates(TestPipeline p) {
    List<AttributedPost> backwards = new ArrayList<>(posts());
    Collections.reverse(backwards);
    PCollection<PaneRow> panes = p.apply(Create.of(backwards)).apply(new RankTopPosts(10));
    PAssert.that(panes).satisfies(lastVersions());
    p.run().waitUntilFinish();
  }

  @Test
  void aBetterExportArrivingLaterReplacesTheRankedPostInTheStream(TestPipeline p) throws Exception {
    List<AttributedPost> forward = new ArrayList<>(posts());
    AttributedPost worse = forward.get(3);
    forward.remove(3); // a4's first export (90) comes in its own batch, before everything else
    TestStream<AttributedPost> stream =
        TestStream.create(AttributedPost.WireCoder.INSTANCE)
            .addElements(forward.get(0), forward.get(1), forward.get(2), worse)
            .advanceProcessingTime(Duration.standardMinutes(1))
            .addElements(
                forward.get(3), forward.subList(4, forward.size()).toArray(new AttributedPost[0]))
            .advanceWatermarkToInfinity();
    PCollection<PaneRow> panes = p.apply(stream).apply(new RankTopPosts(10));
    PAssert.that(panes).satisfies(lastVersions());
    PAssert.that(panes)
        .satisfies(
            rows -> {
              boolean replaced = false;
              for (PaneRow r : rows) {
                replaced |=
                    r.getExists()
                        && r.getCells().get(3).equals("a4")
                        && r.getCells().get(6).equals("90");
              }
              assertThat(
                  "a4 was ranked with its first export before the better one arrived",
                  replaced,
                  equalTo(true));
              return null;
            });
    p.run().waitUntilFinish();
  }

  private static SerializableFunction<Iterable<ReportRow>, Void> batchRows() {
    return rows -> {
      Map<String, String> actual = new TreeMap<>();
      for (ReportRow r : rows) {
        actual.put(r.getCells().get(0) + " " + r.getCells().get(1), String.join(",", r.getCells()));
      }
      assertThat(actual, equalTo(new TreeMap<>(EXPECTED)));
      return null;
    };
  }

  private static SerializableFunction<Iterable<PaneRow>, Void> lastVersions() {
    return rows -> {
      Map<String, PaneRow> last = new HashMap<>();
      for (PaneRow r : rows) {
        String key = r.getKey().get(0) + " " + Integer.parseInt(r.getKey().get(1));
        if (!last.containsKey(key) || last.get(key).getSequence() < r.getSequence()) {
          last.put(key, r);
        }
      }
      Map<String, String> actual = new TreeMap<>();
      last.forEach(
          (k, r) -> {
            if (r.getExists()) {
              actual.put(k, String.join(",", r.getCells()));
            }
          });
      assertThat(actual, equalTo(new TreeMap<>(EXPECTED)));
      return null;
    };
  }
}
