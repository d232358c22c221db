package org.megaphone.reports;

import java.util.List;

/**
 * The report files of contract section 5, each defined once: its file name, its header, the columns
 * that key a row (rows are sorted by them, then by their cells) and the column that puts a row in
 * an ISO week for {@code --from}/{@code --to}. The batch writer, the stream's live files, the Kafka
 * rows, report.html's reader, the week cut, pseudonymisation and the manifest all name a report
 * through this; the cells of a row are made next to the rule they print (for example {@code
 * weekly.EntitiesWeekly.cells}). The constants are in the order summary.json lists the files.
 */
public enum Report {
  /** ISO week × entity, {@code (unattributed)} included. */
  ENTITIES_WEEKLY(
      "entities_weekly",
      List.of(
          "week",
          "entity_id",
          "entity_name",
          "role",
          "cohort",
          "municipality",
          "posts",
          "campaign_posts",
          "likes",
          "comments",
          "shares",
          "saves",
          "engagement",
          "views",
          "engagement_rate"),
      2,
      "week"),
  /** One row per bulletin. */
  BULLETIN_UPTAKE(
      "bulletin_uptake",
      List.of(
          "bulletin_id",
          "campaign",
          "language",
          "sent_at",
          "audience",
          "adopters",
          "uptake_rate",
          "posts",
          "engagement",
          "views",
          "median_hours_to_post"),
      1,
      "sent_at"),
  /** Week × platform × language. */
  PLATFORMS_WEEKLY(
      "platforms_weekly",
      List.of("week", "platform", "language", "posts", "campaign_posts", "engagement", "views"),
      3,
      "week"),
  /** Week × channel with follower snapshots. */
  CHANNEL_GROWTH(
      "channel_growth",
      List.of("week", "platform", "handle", "followers_start", "followers_end", "gained"),
      3,
      "week"),
  /** One row per accepted post. */
  POSTS_ATTRIBUTED(
      "posts_attributed",
      List.of(
          "platform",
          "post_id",
          "week",
          "handle",
          "entity_id",
          "reason",
          "campaign",
          "bulletin_id",
          "engagement",
          "views",
          "themes"),
      2,
      "week"),
  /** One row per rejected input row; keyed by file and line (numerically), then the rest. */
  REJECTS("rejects", List.of("file", "line", "table", "reason", "record"), 5, null),
  /** Week × theme × role. */
  THEMES_WEEKLY(
      "themes_weekly", List.of("week", "theme", "role", "posts", "engagement", "views"), 3, "week"),
  /** Week × known false claim × platform. */
  CLAIMS_WEEKLY(
      "claims_weekly",
      List.of(
          "week",
          "claim_id",
          "platform",
          "posts",
          "engagement",
          "views",
          "counter_posts",
          "counter_engagement",
          "coverage"),
      3,
      "week"),
  /** Week × rank (numerically). */
  TOP_POSTS_WEEKLY(
      "top_posts_weekly",
      List.of(
          "week",
          "rank",
          "platform",
          "post_id",
          "handle",
          "entity_id",
          "engagement",
          "baseline",
          "overperformance",
          "url"),
      2,
      "week");

  /** Every report, in the order summary.json lists them. */
  public static final List<Report> ALL = List.of(values());

  private final String name;
  // The header line, split when asked: an enum constant holds nothing mutable.
  private final String headerLine;
  private final int keyColumns;
  private final String weekColumn;

  Report(String name, List<String> header, int keyColumns, String weekColumn) {
    this.name = name;
    this.headerLine = String.join(",", header);
    this.keyColumns = keyColumns;
    this.weekColumn = weekColumn;
  }

  /** The CSV file: {@code entities_weekly.csv}. */
  public String file() {
    return name + ".csv";
  }

  /** The file in a format: {@code entities_weekly.csv} or {@code entities_weekly.jsonl}. */
  public String file(String format) {
    return name + "." + format;
  }

  public List<String> header() {
    return List.of(headerLine.split(",", -1));
  }

  /** The columns that key a row, the first of the header. */
  public List<String> keyColumns() {
    return header().subList(0, keyColumns);
  }

  /**
   * The column that puts a row in an ISO week ({@code week}, or the bulletin's {@code sent_at});
   * null for rejects.csv, which is never cut.
   */
  public String weekColumn() {
    return weekColumn;
  }

  /** The report written to a file of either format, or null for any other file. */
  public static Report ofFile(String file) {
    for (Report r : ALL) {
      if (file.equals(r.file("csv")) || file.equals(r.file("jsonl"))) {
        return r;
      }
    }
    return null;
  }

  /** The CSV file names of every report. */
  public static List<String> files() {
    return ALL.stream().map(Report::file).toList();
  }
}
