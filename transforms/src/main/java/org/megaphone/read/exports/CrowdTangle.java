package org.megaphone.read.exports;

import java.util.Set;
import org.megaphone.read.RowRejected;

/**
 * CrowdTangle > Historical data > Download CSV (Facebook pages or groups; Instagram accounts).
 * {@code Post Created} is {@code 2020-03-23 09:30:00 EET}, in the dashboard's zone, written as an
 * abbreviation; {@code Total Interactions} has thousands separators; the last column's name embeds
 * the dashboard's weights ({@code Overperforming Score (weighted — Likes 1x ...)}). Reactions
 * (Love, Wow, Haha, Sad, Angry, Care) count as likes; followers at posting is kept. Sources: 4CAT's
 * importer (digitalmethodsinitiative/4cat datasources/upload/import_formats.py) and notebooks over
 * real downloads.
 */
final class CrowdTangle {
  private static final String[] POST_CREATED = {"uuuu-MM-dd HH:mm:ss", "uuuu-MM-dd HH:mm"};

  private CrowdTangle() {}

  /** The last non-empty path segment of a post URL: the post id (FB) or shortcode (IG). */
  static String lastSegment(String url) {
    String path = url.replaceFirst("[?#].*$", "");
    String[] parts = path.split("/", -1);
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].isEmpty()) {
        return parts[i];
      }
    }
    throw new RowRejected("no post id in URL='" + url + "'");
  }

  static final class Facebook extends ExportProfile {
    Facebook() {
      super(
          "crowdtangle-facebook",
          "CrowdTangle > Historical data > Download CSV (Facebook pages or groups)",
          "user name",
          "post created",
          "total interactions",
          "love",
          "url");
    }

    @Override
    public boolean matches(Set<String> header) {
      return super.matches(header)
          && (header.contains("page name")
              || header.contains("group name")
              || header.contains("account"));
    }

    @Override
    protected Mapped map(NativeRow row, ExportFile file) {
      String id = lastSegment(required(row, "url"));
      return new Mapped(
          Mapped.post(
              "facebook",
              id,
              required(row, "user name"),
              ExportValues.timestamp(
                  "post created", required(row, "post created"), file, POST_CREATED),
              row.get("message"),
              row.get("url"),
              null,
              row.sum("likes", "likes", "love", "wow", "haha", "sad", "angry", "care"),
              row.count("comments", "comments"),
              row.count("shares", "shares"),
              null,
              row.count("followers at posting", "followers at posting", "likes at posting"),
              file.exportedAt()),
          Mapped.views("facebook", id, file.exportedAt(), row.count("post views", "post views")));
    }
  }

  static final class Instagram extends ExportProfile {
    Instagram() {
      super(
          "crowdtangle-instagram",
          "CrowdTangle > Historical data > Download CSV (Instagram accounts)",
          "account",
          "user name",
          "followers at posting",
          "post created",
          "likes",
          "comments",
          "views",
          "url");
    }

    @Override
    protected Mapped map(NativeRow row, ExportFile file) {
      String id = lastSegment(required(row, "url"));
      return new Mapped(
          Mapped.post(
              "instagram",
              id,
              required(row, "user name"),
              ExportValues.timestamp(
                  "post created", required(row, "post created"), file, POST_CREATED),
              row.get("description"),
              row.get("url"),
              null,
              row.count("likes", "likes"),
              row.count("comments", "comments"),
              null,
              null,
              row.count("followers at posting", "followers at posting"),
              file.exportedAt()),
          Mapped.views("instagram", id, file.exportedAt(), row.count("views", "views")));
    }
  }
}
