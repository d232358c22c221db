package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megaphone.model.Post;
import org.megaphone.model.SourceRef;

/** Contract section 4, Duplicates of posts: latest exported_at, then engagement, then raw text. */
class PostDeduplicationTest {
  private static final long PUBLISHED = Instant.parse("2020-04-01T09:00:00Z").toEpochMilli();

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static Post post(
      Long exportedAt, long likes, long comments, long shares, long saves, String raw) {
    return Post.create(
        "instagram",
        "p1",
        "anna",
        PUBLISHED,
        "text",
        null,
        null,
        likes,
        comments,
        shares,
        saves,
        null,
        exportedAt,
        SourceRef.create("posts.csv", 2, raw));
  }

  @Test
  void latestExportWinsOverHigherEngagement() {
    Post older = post(millis("2020-04-02T00:00:00Z"), 500, 0, 0, 0, "older");
    Post newer = post(millis("2020-04-03T00:00:00Z"), 10, 0, 0, 0, "newer");

    assertThat(PostDeduplication.best(List.of(older, newer)), is(sameInstance(newer)));
    assertThat(PostDeduplication.best(List.of(newer, older)), is(sameInstance(newer)));
    assertThat(PostDeduplication.compare(newer, older), is(greaterThan(0)));
    assertThat(PostDeduplication.compare(older, newer), is(lessThan(0)));
  }

  @Test
  void missingExportedAtCountsAsEarliestEvenBeforeAnExportBefore1970() {
    Post missing = post(null, 1_000, 0, 0, 0, "missing");
    Post ancient = post(millis("1960-01-01T00:00:00Z"), 1, 0, 0, 0, "ancient");

    assertThat(PostDeduplication.best(List.of(missing, ancient)), is(sameInstance(ancient)));
    assertThat(PostDeduplication.best(List.of(ancient, missing)), is(sameInstance(ancient)));
  }

  @Test
  void sameExportThenHighestEngagementOverAllFourCountersWins() {
    long exported = millis("2020-04-02T00:00:00Z");
    Post likesOnly = post(exported, 10, 0, 0, 0, "z likes only");
    Post spread = post(exported, 0, 4, 4, 3, "a spread");

    assertThat(PostDeduplication.best(List.of(likesOnly, spread)), is(sameInstance(spread)));
    assertThat(PostDeduplication.best(List.of(spread, likesOnly)), is(sameInstance(spread)));
  }

  @Test
  void bothExportsMissingThenHighestEngagementWins() {
    Post low = post(null, 1, 1, 1, 1, "z");
    Post high = post(null, 5, 0, 0, 0, "a");

    assertThat(PostDeduplication.best(List.of(low, high)), is(sameInstance(high)));
  }

  @Test
  void sameExportAndEngagementThenGreatestRawRecordWins() {
    long exported = millis("2020-04-02T00:00:00Z");
    Post a = post(exported, 3, 0, 0, 0, "instagram,p1,anna,2020-04-01,3,a");
    Post b = post(exported, 0, 3, 0, 0, "instagram,p1,anna,2020-04-01,3,b");

    assertThat(PostDeduplication.best(List.of(a, b)), is(sameInstance(b)));
    assertThat(PostDeduplication.best(List.of(b, a)), is(sameInstance(b)));
  }

  @Test
  void rawRecordsCompareByCodePointNotByUtf16Unit() {
    // U+1F600 is greater than U+FFFF by code point, though its first UTF-16 unit is smaller.
    Post emoji = post(null, 0, 0, 0, 0, "x\uD83D\uDE00");
    Post bmp = post(null, 0, 0, 0, 0, "x\uFFFF");

    assertThat(PostDeduplication.best(List.of(emoji, bmp)), is(sameInstance(emoji)));
    assertThat(PostDeduplication.best(List.of(bmp, emoji)), is(sameInstance(emoji)));
  }

  @Test
  void identicalRecordsInTwoFilesKeepTheOneReadFirstWhateverTheArrivalOrder() {
    // The same raw line in files with different column orders: equal on every contract rule.
    Post a =
        Post.create(
            "instagram",
            "p1",
            "anna",
            PUBLISHED,
            "text",
            null,
            null,
            5,
            7,
            0,
            0,
            null,
            null,
            SourceRef.create("posts_a.csv", 9, "ig,p1,anna,2020-04-01,5,7"));
    Post b =
        Post.create(
            "instagram",
            "p1",
            "anna",
            PUBLISHED,
            "text",
            null,
            null,
            7,
            5,
            0,
            0,
            null,
            null,
            SourceRef.create("posts_b.csv", 2, "ig,p1,anna,2020-04-01,5,7"));

    assertThat(PostDeduplication.best(List.of(a, b)), is(sameInstance(a)));
    assertThat(PostDeduplication.best(List.of(b, a)), is(sameInstance(a)));
  }

  @Test
  void singleRowIsKeptAndNoRowsGiveNull() {
    Post only = post(null, 0, 0, 0, 0, "only");

    assertThat(PostDeduplication.best(List.of(only)), is(sameInstance(only)));
    assertThat(PostDeduplication.best(List.of()), is(nullValue()));
  }

  @Test
  void bestOfSeveralAppliesTheRulesInOrder() {
    Post p1 = post(null, 900, 0, 0, 0, "p1");
    Post p2 = post(millis("2020-04-05T00:00:00Z"), 1, 0, 0, 0, "p2");
    Post p3 = post(millis("2020-04-05T00:00:00Z"), 2, 0, 0, 0, "p3");
    Post p4 = post(millis("2020-04-04T00:00:00Z"), 50, 0, 0, 0, "p4");

    assertThat(PostDeduplication.best(List.of(p1, p2, p3, p4)), is(sameInstance(p3)));
    assertThat(PostDeduplication.best(List.of(p4, p3, p2, p1)), is(sameInstance(p3)));
  }
}
