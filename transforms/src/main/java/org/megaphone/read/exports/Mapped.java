package org.megaphone.read.exports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A native row in the contract's terms: the posts row and the views row it gives (either may be
 * null), as canonical column -> value strings, which the contract's table rules then read.
 */
public record Mapped(Map<String, String> post, Map<String, String> views) {

  /** A posts row in the contract's columns. */
  public static Map<String, String> post(
      String platform,
      String postId,
      String handle,
      String publishedAt,
      String text,
      String url,
      String language,
      String likes,
      String comments,
      String shares,
      String saves,
      String followers,
      String exportedAt) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("platform", platform);
    row.put("post_id", postId);
    row.put("handle", handle);
    row.put("published_at", publishedAt);
    row.put("text", text);
    row.put("url", url);
    row.put("language", language);
    row.put("likes", likes);
    row.put("comments", comments);
    row.put("shares", shares);
    row.put("saves", saves);
    row.put("followers", followers);
    row.put("exported_at", exportedAt);
    return row;
  }

  /** A views row in the contract's columns; null when there is no count or no instant. */
  public static Map<String, String> views(
      String platform, String postId, String observedAt, String views) {
    if (views == null || observedAt == null) {
      return null;
    }
    Map<String, String> row = new LinkedHashMap<>();
    row.put("platform", platform);
    row.put("post_id", postId);
    row.put("observed_at", observedAt);
    row.put("views", views);
    return row;
  }
}
