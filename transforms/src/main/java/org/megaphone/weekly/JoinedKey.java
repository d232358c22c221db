package org.megaphone.weekly;

/**
 * A composite key as one string, for the stream's window keys and an account's key: parts joined
 * with {@link #SEP}, a character that cannot occur in the contract's values.
 */
public final class JoinedKey {
  /** Separates the parts of a composite key. */
  public static final String SEP = "\u001f";

  private JoinedKey() {}

  /** Joins key parts with {@link #SEP}; null parts are empty. */
  public static String of(String... parts) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        b.append(SEP);
      }
      b.append(parts[i] == null ? "" : parts[i]);
    }
    return b.toString();
  }

  /** Splits a key made by {@link #of}. */
  public static String[] parts(String key) {
    return key.split(SEP, -1);
  }
}
