package org.megaphone.read.exports;

import java.util.Locale;
import org.megaphone.read.RowRejected;
import org.megaphone.rules.Platforms;

/**
 * 4CAT > dataset > Download CSV, for datasets imported with Zeeschuimer (TikTok, Instagram, X).
 * Every data source shares {@code id, thread_id, author, body, timestamp}; {@code unix_timestamp}
 * is exact where {@code timestamp} may be in the 4CAT server's zone; the counts are named per
 * source ({@code likes}/{@code num_likes}/{@code like_count} ...). Sources: the {@code map_item}
 * functions of digitalmethodsinitiative/4cat (datasources/tiktok, datasources/instagram,
 * datasources/twitter-import).
 */
final class FourCat extends ExportProfile {
  FourCat() {
    super(
        "4cat",
        "4CAT > dataset > Download csv (Zeeschuimer imports of TikTok, Instagram, X)",
        "id",
        "thread_id",
        "author",
        "body",
        "timestamp");
  }

  /** The platform of a post URL's host. */
  static String platformOf(String url, ExportFile file) {
    if (url != null) {
      String u = url.toLowerCase(Locale.ROOT);
      if (u.contains("tiktok.com")) {
        return "tiktok";
      } else if (u.contains("instagram.com")) {
        return "instagram";
      } else if (u.contains("twitter.com") || u.contains("x.com/")) {
        return "x";
      } else if (u.contains("facebook.com")) {
        return "facebook";
      } else if (u.contains("youtube.com") || u.contains("youtu.be")) {
        return "youtube";
      }
    }
    if (file.platform() != null) {
      return Platforms.canonical(file.platform()).orElse(file.platform());
    }
    throw new RowRejected("no platform: the URL names none; add the file to exports/sources.csv");
  }

  @Override
  protected Mapped map(NativeRow row, ExportFile file) {
    String url = row.get("tiktok_url", "url", "link");
    String platform = platformOf(url, file);
    String id = required(row, "id");
    String unix = row.get("unix_timestamp");
    String published =
        unix != null
            ? ExportValues.unixSeconds("unix_timestamp", unix, file.zone())
            : ExportValues.timestamp(
                "timestamp",
                required(row, "timestamp") + " UTC",
                file.zone(),
                "uuuu-MM-dd HH:mm:ss",
                "uuuu-MM-dd HH:mm");
    String comments = row.get("comments", "num_comments", "reply_count");
    String language = row.get("language_guess");
    return new Mapped(
        Mapped.post(
            platform,
            id,
            required(row, "author"),
            published,
            row.get("body"),
            url,
            language != null && language.matches("[A-Za-z]{2}") ? language : null,
            row.count("likes", "likes", "num_likes", "like_count"),
            "-1".equals(comments)
                ? null
                : row.count("comments", "comments", "num_comments", "reply_count"),
            row.count("shares", "shares", "retweet_count"),
            null,
            row.count("author_followers", "author_followers"),
            file.exportedAt()),
        Mapped.views(
            platform, id, file.exportedAt(), row.count("plays", "plays", "impression_count")));
  }
}
