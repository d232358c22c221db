package org.megaphone.rules;

import java.util.Locale;

/** Contract section 2, Handles: a leading '@' is dropped; handles compare case-insensitively. */
public final class Handles {
  private Handles() {}

  public static String normalise(String handle) {
    String h = handle.trim();
    if (h.startsWith("@")) {
      h = h.substring(1);
    }
    return h.toLowerCase(Locale.ROOT);
  }
}
