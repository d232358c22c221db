package org.megaphone.model;

/** The grouping key of a post, (platform, post_id), as one string. */
public final class PostKeys {
  private PostKeys() {}

  public static String of(String platform, String postId) {
    // Platforms are a closed set of lower-case words, so the first ':' separates the two parts.
    return platform + ":" + postId;
  }
}
