package org.megaphone.rules;

/** Contract section 2: counters are non-negative integers written with digits only. */
public final class Counts {
  private Counts() {}

  /**
   * Parses a non-negative integer.
   *
   * @throws IllegalArgumentException when the value is not digits only or does not fit a long
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
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("too large");
    }
  }
}
