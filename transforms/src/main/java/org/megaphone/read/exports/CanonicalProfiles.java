package org.megaphone.read.exports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's own posts and views formats, recognised by header wherever they sit among the
 * exports: their values are passed through unchanged for the contract's rules to read.
 */
final class CanonicalProfiles {
  private static final List<String> POSTS =
      List.of(
          "platform",
          "post_id",
          "handle",
          "published_at",
          "text",
          "url",
          "language",
          "likes",
          "comments",
          "shares",
          "saves",
          "followers",
          "exported_at");
  private static final List<String> VIEWS = List.of("platform", "post_id", "observed_at", "views");

  private CanonicalProfiles() {}

  private static Map<String, String> copy(NativeRow row, List<String> columns) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String c : columns) {
      values.put(c, row.get(c));
    }
    return values;
  }

  static final class Posts extends ExportProfile {
    Posts() {
      super(
          "canonical-posts",
          "The contract's posts table (runbooks/data-contract.md, section 2).",
          "platform",
          "post_id",
          "handle",
          "published_at");
    }

    @Override
    public List<String> feeds() {
      return List.of("posts");
    }

    @Override
    protected Mapped map(NativeRow row, ExportFile file) {
      return new Mapped(copy(row, POSTS), null);
    }
  }

  static final class Views extends ExportProfile {
    Views() {
      super(
          "canonical-views",
          "The contract's views table (runbooks/data-contract.md, section 2).",
          "platform",
          "post_id",
          "observed_at",
          "views");
    }

    @Override
    public String mainTable() {
      return "views";
    }

    @Override
    protected Mapped map(NativeRow row, ExportFile file) {
      return new Mapped(null, copy(row, VIEWS));
    }
  }
}
