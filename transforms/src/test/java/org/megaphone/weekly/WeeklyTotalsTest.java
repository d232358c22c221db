package org.megaphone.weekly;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.SourceRef;
import org.megaphone.write.Cells;

/** Contract section 5, entities_weekly sums and engagement_rate; decision D19. */
class WeeklyTotalsTest {

  private static AttributedPost post(
      boolean campaign, long likes, long comments, long shares, long saves, Long rateFollowers) {
    return AttributedPost.create(
        "instagram",
        "p" + likes + comments + shares + saves + rateFollowers,
        "sanna",
        0L,
        "2020-W14",
        "sanna",
        "author",
        campaign,
        null,
        "fi",
        likes,
        comments,
        shares,
        saves,
        rateFollowers,
        0L,
        null,
        "raw",
        SourceRef.create("posts.csv", 2, ""),
        null,
        null,
        List.of(),
        List.of());
  }

  private static WeeklyTotals sum(AttributedPost... posts) {
    WeeklyTotals total = WeeklyTotals.ZERO;
    for (AttributedPost p : posts) {
      total = total.plus(WeeklyTotals.ofPost(p));
    }
    return total;
  }

  @Test
  void onePostCountsItsCountersAndCampaign() {
    WeeklyTotals t = WeeklyTotals.ofPost(post(true, 4, 3, 2, 1, 1000L));

    assertThat(t.getPosts(), is(1L));
    assertThat(t.getCampaignPosts(), is(1L));
    assertThat(t.getLikes(), is(4L));
    assertThat(t.getComments(), is(3L));
    assertThat(t.getShares(), is(2L));
    assertThat(t.getSaves(), is(1L));
    assertThat(t.engagement(), is(10L));
    assertThat(t.getViews(), is(0L));
    assertThat(t.engagementRate(), comparesEqualTo(new BigDecimal("0.01")));
  }

  @Test
  void nonCampaignPostCountsAsPostOnly() {
    WeeklyTotals t = WeeklyTotals.ofPost(post(false, 1, 0, 0, 0, null));

    assertThat(t.getPosts(), is(1L));
    assertThat(t.getCampaignPosts(), is(0L));
  }

  @Test
  void engagementRateIsTheMeanOfPerPostRatiosNotTheRatioOfSums() {
    // 10/1000 = 0.01 and 3/200 = 0.015: mean 0.0125 (the ratio of sums would be 13/1200).
    WeeklyTotals t = sum(post(false, 10, 0, 0, 0, 1000L), post(false, 0, 1, 1, 1, 200L));

    assertThat(t.engagementRate(), comparesEqualTo(new BigDecimal("0.0125")));
    assertThat(Cells.decimal(t.engagementRate()), is("0.012500"));
  }

  @Test
  void postsWithoutFollowersOrWithZeroFollowersAreNotRatedButStillCounted() {
    WeeklyTotals t =
        sum(
            post(true, 10, 0, 0, 0, 1000L),
            post(false, 500, 0, 0, 0, 0L),
            post(false, 700, 0, 0, 0, null),
            post(true, 0, 3, 0, 0, 200L));

    assertThat(t.getPosts(), is(4L));
    assertThat(t.getCampaignPosts(), is(2L));
    assertThat(t.engagement(), is(1213L));
    assertThat(t.getRateCount(), is(2L));
    assertThat(t.engagementRate(), comparesEqualTo(new BigDecimal("0.0125")));
  }

  @Test
  void engagementRateIsNullWithoutRatedPosts() {
    WeeklyTotals t = sum(post(false, 500, 0, 0, 0, 0L), post(false, 700, 0, 0, 0, null));

    assertThat(t.engagementRate(), is(nullValue()));
    assertThat(Cells.decimal(t.engagementRate()), is(""));
  }

  @Test
  void engagementRateOfZeroEngagementIsZeroNotEmpty() {
    WeeklyTotals t = sum(post(false, 0, 0, 0, 0, 100L));

    assertThat(t.engagementRate(), comparesEqualTo(BigDecimal.ZERO));
    assertThat(Cells.decimal(t.engagementRate()), is("0.000000"));
  }

  @Test
  void engagementRateIsExactBeforeTheFinalHalfEvenRounding() {
    // The reviewer's case: 4/13 and 21004967/13000000 have the exact mean 0.9617295, a tie.
    WeeklyTotals reviewer =
        sum(post(false, 4, 0, 0, 0, 13L), post(false, 21004967, 0, 0, 0, 13000000L));
    assertThat(Cells.decimal(reviewer.engagementRate()), is("0.961730"));
    // 1/3 and 1/6: mean exactly 0.25.
    WeeklyTotals quarter = sum(post(false, 1, 0, 0, 0, 3L), post(false, 1, 0, 0, 0, 6L));
    // 1/64 and 0/5: mean 0.0078125, a tie that half-even rounds down to 0.007812.
    WeeklyTotals tie = sum(post(false, 1, 0, 0, 0, 64L), post(false, 0, 0, 0, 0, 5L));
    // 1/3 three times: 0.333333...
    WeeklyTotals third =
        sum(post(false, 1, 0, 0, 0, 3L), post(false, 2, 0, 0, 0, 6L), post(false, 3, 0, 0, 0, 9L));

    assertThat(Cells.decimal(quarter.engagementRate()), is("0.250000"));
    // The sum is kept as the exact fraction 1/64 (+ 0/5) over 2 posts.
    assertThat(tie.getRateNumerator(), comparesEqualTo(BigDecimal.ONE));
    assertThat(tie.getRateDenominator(), comparesEqualTo(new BigDecimal(64)));
    assertThat(tie.getRateCount(), is(2L));
    assertThat(Cells.decimal(tie.engagementRate()), is("0.007812"));
    assertThat(Cells.decimal(third.engagementRate()), is("0.333333"));
  }

  @Test
  void viewsAreAddedSeparatelyFromPosts() {
    WeeklyTotals t =
        sum(post(false, 1, 0, 0, 0, null))
            .plus(WeeklyTotals.ofViews(250))
            .plus(WeeklyTotals.ofViews(50));

    assertThat(t.getViews(), is(300L));
    assertThat(t.getPosts(), is(1L));
    assertThat(WeeklyTotals.ofViews(250).getPosts(), is(0L));
    assertThat(WeeklyTotals.ofViews(250).engagementRate(), is(nullValue()));
  }

  @Test
  void zeroIsTheIdentityOfPlus() {
    WeeklyTotals t = WeeklyTotals.ofPost(post(true, 4, 3, 2, 1, 1000L));

    assertThat(WeeklyTotals.ZERO.plus(t), is(t));
    assertThat(t.plus(WeeklyTotals.ZERO), is(t));
  }

  @Test
  void plusIsOrderIndependent() {
    WeeklyTotals a = WeeklyTotals.ofPost(post(true, 10, 0, 0, 0, 1000L));
    WeeklyTotals b = WeeklyTotals.ofPost(post(false, 0, 3, 0, 0, 200L));
    WeeklyTotals c = WeeklyTotals.ofViews(70);

    WeeklyTotals abc = a.plus(b).plus(c);
    WeeklyTotals cba = c.plus(b).plus(a);

    assertThat(abc.getPosts(), is(cba.getPosts()));
    assertThat(abc.engagement(), is(cba.engagement()));
    assertThat(abc.getViews(), is(cba.getViews()));
    assertThat(abc.engagementRate(), comparesEqualTo(cba.engagementRate()));
  }
}
