package org.megaphone.weekly;

/**
 * The separator of an account's key (platform and handle as one string, for top posts' groupings
 * and state): a character that cannot occur in the contract's values. The key is never split again;
 * composite keys that are read back are {@link ReportKey}s.
 */
public final class JoinedKey {
  /** Separates the parts of an account's key. */
  public static final String SEP = "\u001f";

  private JoinedKey() {}
}
