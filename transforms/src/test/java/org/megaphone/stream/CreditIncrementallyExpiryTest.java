package org.megaphone.stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.megaphone.testing.Fixtures.at;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.PostEvent;
import org.megaphone.model.Reject;
import org.megaphone.model.SourceRef;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.rules.Lateness;

/**
 * D39: the stream's per-post state is cleared once the watermark is --stateTtl past the end of the
 * post's last week plus --allowedLateness, and a row for the post after that is a reject, never a
 * new post or a silent orphan; rows too old to count are rejected where they are read.
 */
@ExtendWith(TestPipelineExtension.class)
class CreditIncrementallyExpiryTest {

  private static AttributedPost post(String id, String publishedAt) {
    return AttributedPost.create(
        "instagram",
        id,
        "anna",
        at(publishedAt),
        "2020-W14",
        "anna",
        "author",
        false,
        null,
        "fi",
        10,
        0,
        0,
        0,
        null,
        0L,
        1L,
        "raw",
        SourceRef.create("posts_9.csv", 7, "instagram," + id),
        null,
        null,
        List.of(),
        List.of());
  }

  private static TimestampedValue<PostEvent> event(AttributedPost p) {
    return TimestampedValue.of(PostEvent.of(p), Instant.ofEpochMilli(p.getPublishedAt()));
  }

  private static TimestampedValue<PostEvent> event(ViewSnapshot v) {
    return TimestampedValue.of(PostEvent.of(v), Instant.ofEpochMilli(v.getObservedAt()));
  }

  @Test
  void rowsForAPostAfterItsStateExpiredAreRejectedAndOtherPostsStillCount(TestPipeline p)
      throws Exception {
    // W14 ends 2020-04-06; + 1 day lateness + 2 days TTL: p1's state expires 2020-04-09.
    TestStream<PostEvent> events =
        TestStream.create(PostEvent.WireCoder.INSTANCE)
            .advanceWatermarkTo(Instant.ofEpochMilli(at("2020-03-30T00:00:00Z")))
            .addElements(event(post("p1", "2020-03-30T10:00:00Z")))
            .addElements(
                event(ViewSnapshot.create("instagram", "p1", at("2020-03-31T10:00:00Z"), 100)))
            .advanceWatermarkTo(Instant.ofEpochMilli(at("2020-04-09T00:00:01Z")))
            .addElements(
                event(ViewSnapshot.create("instagram", "p1", at("2020-04-09T12:00:00Z"), 300)))
            .addElements(event(post("p1", "2020-03-30T10:00:00Z")))
            .addElements(event(post("p2", "2020-04-09T10:00:00Z")))
            .advanceWatermarkToInfinity();

    PCollectionTuple out = p.apply(events).apply(CreditIncrementally.expiring("UTC", "P1D", "P2D"));

    PAssert.that(out.get(CreditIncrementally.REJECTS))
        .satisfies(
            rejects -> {
              List<String> where = new ArrayList<>();
              for (Reject r : rejects) {
                assertThat(
                    r.getReason(),
                    startsWith(
                        "its post's stream state expired at 2020-04-09T00:00:00Z (--stateTtl=P2D"));
                where.add(r.getTable() + " " + r.getFile() + ":" + r.getLine());
              }
              where.sort(null);
              assertThat(where, contains("posts posts_9.csv:7", "views (stream state):0"));
              return null;
            });
    PAssert.that(out.get(CreditIncrementally.CONTRIBUTIONS))
        .satisfies(
            contributions -> {
              long posts = 0;
              long views = 0;
              for (Contribution c : contributions) {
                posts += c.getTotals().getPosts();
                views += c.getTotals().getViews();
              }
              assertThat(
                  posts, is(2L)); // p1 once, p2 once: the expired p1's re-export is not a new post
              assertThat(views, is(100L));
              return null;
            });
    p.run();
  }

  @Test
  void rowWhoseWeekEndedMoreThanTheLatenessBeforeItWasReadIsTooLate() {
    Lateness lateness = new Lateness("UTC", "P14D");
    long published = at("2020-04-01T10:00:00Z"); // week 2020-W14, ends 2020-04-06T00:00Z

    assertThat(lateness.tooLate(published, at("2020-04-19T23:59:59Z")), is(nullValue()));
    assertThat(
        lateness.tooLate(published, at("2020-04-20T00:00:00Z")),
        startsWith(
            "later than --allowedLateness=P14D: its week 2020-W14 ended 2020-04-06T00:00:00Z"));
    assertThat(
        new Lateness("UTC", "P36500D").tooLate(published, at("2026-12-01T00:00:00Z")),
        is(nullValue()));
  }
}
