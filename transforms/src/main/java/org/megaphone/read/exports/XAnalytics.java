package org.megaphone.read.exports;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.megaphone.read.RowRejected;

/**
 * X (Twitter) analytics exports, two generations. Classic "Tweet activity"
 * (tweet_activity_metrics_&lt;handle&gt;_&lt;from&gt;_&lt;to&gt;_&lt;lang&gt;.csv): 40 columns,
 * every field quoted, counts written {@code "424.0"}, promoted columns {@code "-"}, {@code time} as
 * {@code 2020-03-23 09:30 +0000}; files before 2016 say {@code favorites}. Current X analytics
 * (account_analytics_content_&lt;from&gt;_&lt;to&gt;.csv): {@code Date} is a day only, so the post
 * time comes from the id (a snowflake: milliseconds since 2010-11-04 in its top bits). Sources:
 * parsers written against real files (mongodb social-stats tests; an R analysis of a 2,388 x 40
 * export) and X's web bundle for the current column order.
 */
final class XAnalytics {
  private static final Pattern HANDLE = Pattern.compile("(?:twitter|x)\\.com/([^/?#]+)/status/");

  private XAnalytics() {}

  static String handle(String permalink) {
    Matcher m = HANDLE.matcher(permalink == null ? "" : permalink);
    return m.find() ? m.group(1) : null;
  }

  /** The instant an X post id (a snowflake) was created. */
  static Instant snowflakeTime(String id) {
    return Instant.ofEpochMilli((Long.parseLong(id) >> 22) + 1288834974657L);
  }

  static final class TweetActivity extends ExportProfile {
    TweetActivity() {
      super(
          "x-tweet-activity",
          "analytics.twitter.com > Tweets > Export data: tweet_activity_metrics_<handle>_<from>_<to>_<lang>.csv",
          "tweet id",
          "tweet permalink",
          "tweet text",
          "time",
          "impressions");
    }

    @Override
    protected Mapped map(NativeRow row, ExportFile file) {
      String id = required(row, "tweet id");
      String permalink = row.get("tweet permalink");
      String handle = handle(permalink);
      return new Mapped(
          Mapped.post(
              "x",
              id,
              handle != null ? handle : handleOf(file),
              ExportValues.timestamp(
                  "time", required(row, "time"), file, "uuuu-MM-dd HH:mm", "uuuu-MM-dd HH:mm:ss"),
              row.get("tweet text"),
              permalink,
              null,
              row.count("likes", "likes", "favorites"),
              row.count("replies", "replies"),
              row.count("retweets", "retweets"),
              null,
              null,
              file.exportedAt()),
          Mapped.views("x", id, file.exportedAt(), row.count("impressions", "impressions")));
    }
  }

  static final class Content extends ExportProfile {
    Content() {
      super(
          "x-content",
          "X analytics > Content > Export: account_analytics_content_<from>_<to>.csv",
          "post id",
          "date",
          "post text",
          "post link",
          "impressions");
    }

    @Override
    protected Mapped map(NativeRow row, ExportFile file) {
      String id = required(row, "post id");
      String link = row.get("post link");
      String handle = handle(link);
      String published;
      try {
        published = ExportValues.iso(snowflakeTime(id), file.zone());
      } catch (NumberFormatException e) {
        throw new RowRejected("not an X post id: post id='" + id + "'");
      }
      return new Mapped(
          Mapped.post(
              "x",
              id,
              handle != null ? handle : handleOf(file),
              published,
              row.get("post text"),
              link,
              null,
              row.count("likes", "likes"),
              row.count("replies", "replies"),
              row.count("reposts", "reposts"),
              row.count("bookmarks", "bookmarks"),
              null,
              file.exportedAt()),
          Mapped.views("x", id, file.exportedAt(), row.count("impressions", "impressions")));
    }
  }
}
