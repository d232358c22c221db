package org.megaphone.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Contract section 2, Platforms: the five platforms and their aliases, case-insensitive. */
public final class Platforms {
  private static final Map<String, String> CANONICAL =
      Map.of(
          "instagram", "instagram",
          "ig", "instagram",
          "tiktok", "tiktok",
          "youtube", "youtube",
          "yt", "youtube",
          "facebook", "facebook",
          "x", "x",
          "twitter", "x");

  /** The five platforms, by their canonical names. */
  public static final List<String> ALL = List.of("instagram", "tiktok", "youtube", "facebook", "x");

  private Platforms() {}

  /** The canonical platform name, or empty when the value names no known platform. */
  public static Optional<String> canonical(String value) {
    return Optional.ofNullable(CANONICAL.get(value.trim().toLowerCase(Locale.ROOT)));
  }
}
