package org.megaphone.weekly;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.SourceRef;
import org.megaphone.write.Cells;

/** Contract section 5, bulletin_uptake: adopters, engagement, views, median_hours_to_post; D22. */
class UptakeTotalsTest {
  private static final long SENT = Instant.parse("2020-03-23T09:00:00Z").toEpochMilli();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();

  private static AttributedPost post(String entityId, long publishedAt, long likes, long views) {
    return AttributedPost.create(
        "instagram",
        entityId + "-" + publishedAt,
        "handle",
        publishedAt,
        "2020-W13",
        entityId,
        AttributedPost.UNATTRIBUTED.equals(entityId) ? "none" : "author",
        true,
        "B1",
        "fi",
        likes,
        1,
        0,
        0,
        null,
        views,
        null,
        "raw",
        SourceRef.create("posts.csv", 2, ""),
        null,
        null,
        List.of(),
        List.of());
  }

  private static UptakeTotals sum(AttributedPost... posts) {
    UptakeTotals total = null;
    for (AttributedPost p : posts) {
      total = total == null ? UptakeTotals.of(p) : total.plus(UptakeTotals.of(p));
    }
    return total;
  }

  @Test
  void postsEngagementAndViewsAreSummedOverAllPostsIncludingUnattributed() {
    UptakeTotals t =
        sum(
            post("sanna", SENT + HOUR, 10, 100),
            post(AttributedPost.UNATTRIBUTED, SENT + 2 * HOUR, 20, 200),
            post("sanna", SENT + 3 * HOUR, 30, 300));

    assertThat(t.getPosts(), is(3L));
    assertThat(t.getEngagement(), is(63L));
    assertThat(t.getViews(), is(600L));
  }

  @Test
  void adoptersAreDistinctEntitiesAndExcludeUnattributed() {
    UptakeTotals t =
        sum(
            post("sanna", SENT + 5 * HOUR, 0, 0),
            post(AttributedPost.UNATTRIBUTED, SENT + HOUR, 0, 0),
            post("sanna", SENT + 2 * HOUR, 0, 0),
            post("ivrea-mayor", SENT + 4 * HOUR, 0, 0));

    assertThat(t.adopters(), is(2L));
    assertThat(
        t.getFirstPostByEntity(),
        is(Map.of("sanna", SENT + 2 * HOUR, "ivrea-mayor", SENT + 4 * HOUR)));
  }

  @Test
  void onlyUnattributedPostsMeanNoAdoptersAndNoMedian() {
    UptakeTotals t = sum(post(AttributedPost.UNATTRIBUTED, SENT + HOUR, 5, 0));

    assertThat(t.getPosts(), is(1L));
    assertThat(t.adopters(), is(0L));
    assertThat(t.medianHoursToPost(SENT), is(nullValue()));
  }

  @Test
  void firstPostOfAnEntityIsItsEarliestWhateverTheOrder() {
    UptakeTotals late = UptakeTotals.of(post("sanna", SENT + 9 * HOUR, 0, 0));
    UptakeTotals early = UptakeTotals.of(post("sanna", SENT + 3 * HOUR, 0, 0));

    assertThat(late.plus(early).getFirstPostByEntity(), is(Map.of("sanna", SENT + 3 * HOUR)));
    assertThat(early.plus(late).getFirstPostByEntity(), is(Map.of("sanna", SENT + 3 * HOUR)));
  }

  @Test
  void medianOfAnOddNumberOfAdoptersIsTheMiddleOne() {
    UptakeTotals t =
        sum(
            post("c", SENT + 8 * HOUR, 0, 0),
            post("a", SENT + HOUR, 0, 0),
            post("b", SENT + 3 * HOUR, 0, 0));

    assertThat(t.medianHoursToPost(SENT), comparesEqualTo(new BigDecimal("3")));
    assertThat(Cells.decimal(t.medianHoursToPost(SENT)), is("3.000000"));
  }

  @Test
  void medianOfAnEvenNumberOfAdoptersIsTheMeanOfTheMiddleTwo() {
    UptakeTotals t =
        sum(
            post("d", SENT + 10 * HOUR, 0, 0),
            post("a", SENT + HOUR, 0, 0),
            post("c", SENT + 4 * HOUR, 0, 0),
            post("b", SENT + 2 * HOUR, 0, 0));

    assertThat(t.medianHoursToPost(SENT), comparesEqualTo(new BigDecimal("3")));
  }

  @Test
  void medianOfTwoAdoptersCanBeAHalfHour() {
    UptakeTotals t = sum(post("a", SENT + HOUR, 0, 0), post("b", SENT + 2 * HOUR, 0, 0));

    assertThat(Cells.decimal(t.medianHoursToPost(SENT)), is("1.500000"));
  }

  @Test
  void medianUsesEachAdoptersFirstPostOnly() {
    // sanna's first post is at +1 h; her later +20 h post must not count.
    UptakeTotals t =
        sum(
            post("sanna", SENT + 20 * HOUR, 0, 0),
            post("sanna", SENT + HOUR, 0, 0),
            post("anna", SENT + 5 * HOUR, 0, 0));

    assertThat(Cells.decimal(t.medianHoursToPost(SENT)), is("3.000000"));
  }

  @Test
  void medianHoursAreFractionalFromMilliseconds() {
    UptakeTotals t = sum(post("a", SENT + 20 * MINUTE, 0, 0));

    assertThat(Cells.decimal(t.medianHoursToPost(SENT)), is("0.333333"));
  }
}
