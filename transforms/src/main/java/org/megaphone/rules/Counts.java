package org.megaphone.rules;

/**
 * Contract section 2: counters are non-negative integers written with digits only. A count above
 * {@link #MAX} is refused (D4): no post, video or channel comes near it (the most-viewed videos
 * have about 2 * 10^10 views), and it keeps every sum of a dataset far from overflow.
 */
public final class Counts {
  /** The largest count accepted: 10^12. */
  public static final long MAX = 1_000_000_000_000L;

  private Counts() {}

  /** Thrown for a count above {@link #MAX}. */
  public static final class TooLarge extends IllegalArgumentException {
    TooLarge() {
      super("count above " + MAX);
    }
  }

  /**
   * Parses a non-negative integer.
   *
   * @throws IllegalArgumentException when the value is not digits only, {@link TooLarge} when it is
   *     above {@link #MAX}
   */
  public static long parseNonNegative(String value) {
    String v = value.trim();
    if (v.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a non-negative integer");
      }
    }
    // 13 digits after leading zeros can be at most 10^12; more are too large whatever they are.
    int first = 0;
    while (first < v.length() - 1 && v.charAt(first) == '0') {
      first++;
    }
    if (v.length() - first > 13) {
      throw new TooLarge();
    }
    long n = Long.parseLong(v.substring(first));
    if (n > MAX) {
      throw new TooLarge();
    }
    return n;
  }
}
