package org.megaphone.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Over-performance (runbooks/data-contract.md D37): a post's baseline is the median engagement of
 * the same account's previous {@code n} posts (in order of published_at, then post_id), defined
 * once there are at least {@link #MIN_PREVIOUS} of them; its over-performance is engagement /
 * baseline, undefined when the baseline is undefined or 0. The median of an even count is the mean
 * of the middle two, so baselines are kept in halves to stay exact.
 */
public final class Baselines {
  public static final int MIN_PREVIOUS = 3;

  private Baselines() {}

  /**
   * Twice the baseline of each post of one account, in the order given; null where the post has
   * fewer than {@link #MIN_PREVIOUS} previous posts.
   */
  public static Long[] doubledBaselines(long[] engagementInOrder, int n) {
    Long[] doubled = new Long[engagementInOrder.length];
    for (int i = 0; i < engagementInOrder.length; i++) {
      int count = Math.min(n, i);
      if (count < MIN_PREVIOUS) {
        continue;
      }
      long[] previous = Arrays.copyOfRange(engagementInOrder, i - count, i);
      Arrays.sort(previous);
      doubled[i] =
          count % 2 == 1 ? 2 * previous[count / 2] : previous[count / 2 - 1] + previous[count / 2];
    }
    return doubled;
  }

  /** The baseline from its double: exact, 23 or 23.5. */
  public static BigDecimal baseline(long doubled) {
    return BigDecimal.valueOf(doubled).divide(BigDecimal.valueOf(2));
  }

  /** Compares engagement / baseline of two posts exactly (doubled baselines above 0). */
  public static int compareOverperformance(
      long engagement1, long doubled1, long engagement2, long doubled2) {
    // Exact in longs when both products fit (always, for real counts); BigInteger otherwise. The
    // ranking compares on every arrival in the stream, where BigInteger was a tenth of the time.
    long high1 = Math.multiplyHigh(engagement1, doubled2);
    long low1 = engagement1 * doubled2;
    long high2 = Math.multiplyHigh(engagement2, doubled1);
    long low2 = engagement2 * doubled1;
    if (high1 == (low1 >> 63) && high2 == (low2 >> 63)) {
      return Long.compare(low1, low2);
    }
    return BigInteger.valueOf(engagement1)
        .multiply(BigInteger.valueOf(doubled2))
        .compareTo(BigInteger.valueOf(engagement2).multiply(BigInteger.valueOf(doubled1)));
  }
}
