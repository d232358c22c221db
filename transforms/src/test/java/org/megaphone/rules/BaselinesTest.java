package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** D37: the median of the previous n posts, from 3 previous posts on. */
class BaselinesTest {

  @Test
  void aPostNeedsThreePreviousPostsForABaseline() {
    Long[] doubled = Baselines.doubledBaselines(new long[] {10, 20, 30, 40, 50}, 10);
    assertThat(doubled[0], is((Long) null));
    assertThat(doubled[1], is((Long) null));
    assertThat(doubled[2], is((Long) null));
    assertThat(doubled[3], is(40L)); // median of 10, 20, 30 = 20
    assertThat(doubled[4], is(50L)); // median of 10, 20, 30, 40 = 25
  }

  @Test
  void onlyTheLastNPreviousPostsCount() {
    Long[] doubled = Baselines.doubledBaselines(new long[] {1000, 1, 2, 3, 4}, 3);
    assertThat(doubled[3], is(4L)); // 1000, 1, 2 -> 2
    assertThat(doubled[4], is(4L)); // 1, 2, 3 -> 2
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoKeptExactInHalves() {
    Long[] doubled = Baselines.doubledBaselines(new long[] {5, 8, 1, 6, 100}, 10);
    assertThat(doubled[4], is(11L)); // 1 5 6 8 -> 5.5
    assertThat(Baselines.baseline(11), is(new BigDecimal("5.5")));
  }

  @Test
  void tiedEngagementIsAPlainMedian() {
    Long[] doubled = Baselines.doubledBaselines(new long[] {7, 7, 7, 7}, 10);
    assertThat(doubled[3], is(14L));
  }

  @Test
  void overperformanceIsComparedExactly() {
    // 10 / 3 equals 20 / 6; 3,333,333 / 1,000,000 is a hair below 10 / 3, which rounding would hide.
    assertThat(Baselines.compareOverperformance(10, 6, 20, 12), is(0));
    assertThat(Baselines.compareOverperformance(3_333_333, 2_000_000, 10, 6), lessThan(0));
  }
}
