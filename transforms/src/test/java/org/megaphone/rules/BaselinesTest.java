package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
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
    // 10 / 3 equals 20 / 6; 3,333,333 / 1,000,000 is a hair below 10 / 3, which rounding would
    // hide.
    assertThat(Baselines.compareOverperformance(10, 6, 20, 12), is(0));
    assertThat(Baselines.compareOverperformance(3_333_333, 2_000_000, 10, 6), lessThan(0));
  }

  @Test
  void overperformanceStaysExactWhereTheProductsOverflowALong() {
    // MAX / 1.5 against (MAX - 1) / 1: long products would wrap and invert the order.
    assertThat(
        Baselines.compareOverperformance(Long.MAX_VALUE, 3, Long.MAX_VALUE - 1, 2), lessThan(0));
    assertThat(
        Baselines.compareOverperformance(Long.MAX_VALUE - 1, 2, Long.MAX_VALUE, 3), greaterThan(0));
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      long e1 = random.nextLong() >>> random.nextInt(64);
      long d1 = 1 + (random.nextLong() >>> (1 + random.nextInt(63)));
      long e2 = random.nextLong() >>> random.nextInt(64);
      long d2 = 1 + (random.nextLong() >>> (1 + random.nextInt(63)));
      int exact =
          BigInteger.valueOf(e1)
              .multiply(BigInteger.valueOf(d2))
              .compareTo(BigInteger.valueOf(e2).multiply(BigInteger.valueOf(d1)));
      assertThat(
          e1 + "/" + d1 + " vs " + e2 + "/" + d2,
          Integer.signum(Baselines.compareOverperformance(e1, d1, e2, d2)),
          is(exact));
    }
  }
}
