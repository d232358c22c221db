package org.megaphone.write.html;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.megaphone.read.CsvRecords;
import org.megaphone.reports.Report;

/**
 * The finished CSV reports of a run, read back for report.html. The page is drawn from the same
 * files the user gets, after the week cut and pseudonymisation, so it can never show a number the
 * CSVs do not hold. The files are streamed row by row; of rejects.csv, which grows with the input,
 * only a count per table and reason is kept, and posts_attributed.csv is not read at all.
 */
public record ReportTables(
    List<EntityWeek> entities,
    List<BulletinRow> bulletins,
    List<PlatformWeek> platforms,
    List<ChannelWeek> channels,
    Rejects rejects,
    List<ThemeWeek> themes,
    List<ClaimWeek> claims,
    List<TopPostRow> topPosts) {

  /** The reports of issue 8 may be absent (a page drawn from an older run's files). */
  public ReportTables(
      List<EntityWeek> entities,
      List<BulletinRow> bulletins,
      List<PlatformWeek> platforms,
      List<ChannelWeek> channels,
      Rejects rejects) {
    this(entities, bulletins, platforms, channels, rejects, List.of(), List.of(), List.of());
  }

  /** A row of themes_weekly.csv. */
  public record ThemeWeek(
      String week, String theme, String role, long posts, long engagement, long views) {}

  /** A row of claims_weekly.csv. */
  public record ClaimWeek(
      String week,
      String claimId,
      String platform,
      long posts,
      long engagement,
      long views,
      long counterPosts,
      long counterEngagement) {}

  /** A row of top_posts_weekly.csv. */
  public record TopPostRow(
      String week,
      int rank,
      String platform,
      String postId,
      String handle,
      String entityId,
      long engagement,
      String baseline,
      String overperformance,
      String url) {}

  /** A row of entities_weekly.csv. */
  public record EntityWeek(
      String week,
      String entityId,
      String name,
      String role,
      String cohort,
      String municipality,
      long posts,
      long campaignPosts,
      long engagement,
      long views) {}

  /** A row of bulletin_uptake.csv. */
  public record BulletinRow(
      String bulletinId,
      String campaign,
      String language,
      String sentAt,
      Long audience,
      long adopters,
      Double uptakeRate,
      long posts,
      long engagement,
      long views,
      Double medianHoursToPost) {}

  /** A row of platforms_weekly.csv. */
  public record PlatformWeek(
      String week,
      String platform,
      String language,
      long posts,
      long campaignPosts,
      long engagement,
      long views) {}

  /** A row of channel_growth.csv. */
  public record ChannelWeek(
      String week,
      String platform,
      String handle,
      Long followersStart,
      Long followersEnd,
      Long gained) {}

  /** Rejected rows of one table for one reason, and where the first one is. */
  public record RejectGroup(
      String table, String reason, long rows, String firstFile, long firstLine) {}

  /** rejects.csv summed up: its rows, and its groups in the order they first appear. */
  public record Rejects(long rows, List<RejectGroup> groups) {
    public static final Rejects NONE = new Rejects(0, List.of());

    /** Counts one row (read in rejects.csv's order) in its group. */
    private static void add(
        Map<List<String>, RejectGroup> groups,
        String file,
        long line,
        String table,
        String reason) {
      String kind = reasonKind(reason);
      groups.merge(
          List.of(table, kind),
          new RejectGroup(table, kind, 1, file, line),
          (a, b) ->
              new RejectGroup(a.table(), a.reason(), a.rows() + 1, a.firstFile(), a.firstLine()));
    }
  }

  /**
   * The reason without the value that caused it: "not a non-negative integer: likes='12a'" → its
   * first part.
   */
  static String reasonKind(String reason) {
    int colon = reason.indexOf(": ");
    return colon < 0 ? reason : reason.substring(0, colon);
  }

  /** Reads the five reports the page draws from out of the folder. */
  public static ReportTables read(Path folder) throws IOException {
    List<EntityWeek> entities = new ArrayList<>();
    each(
        folder.resolve(Report.ENTITIES_WEEKLY.file()),
        r ->
            entities.add(
                new EntityWeek(
                    text(r, "week"),
                    text(r, "entity_id"),
                    text(r, "entity_name"),
                    text(r, "role"),
                    text(r, "cohort"),
                    text(r, "municipality"),
                    count(r, "posts"),
                    count(r, "campaign_posts"),
                    count(r, "engagement"),
                    count(r, "views"))));
    List<BulletinRow> bulletins = new ArrayList<>();
    each(
        folder.resolve(Report.BULLETIN_UPTAKE.file()),
        r ->
            bulletins.add(
                new BulletinRow(
                    text(r, "bulletin_id"),
                    text(r, "campaign"),
                    text(r, "language"),
                    text(r, "sent_at"),
                    optional(r, "audience", Long::parseLong),
                    count(r, "adopters"),
                    optional(r, "uptake_rate", Double::parseDouble),
                    count(r, "posts"),
                    count(r, "engagement"),
                    count(r, "views"),
                    optional(r, "median_hours_to_post", Double::parseDouble))));
    List<PlatformWeek> platforms = new ArrayList<>();
    each(
        folder.resolve(Report.PLATFORMS_WEEKLY.file()),
        r ->
            platforms.add(
                new PlatformWeek(
                    text(r, "week"),
                    text(r, "platform"),
                    text(r, "language"),
                    count(r, "posts"),
                    count(r, "campaign_posts"),
                    count(r, "engagement"),
                    count(r, "views"))));
    List<ChannelWeek> channels = new ArrayList<>();
    each(
        folder.resolve(Report.CHANNEL_GROWTH.file()),
        r ->
            channels.add(
                new ChannelWeek(
                    text(r, "week"),
                    text(r, "platform"),
                    text(r, "handle"),
                    optional(r, "followers_start", Long::parseLong),
                    optional(r, "followers_end", Long::parseLong),
                    optional(r, "gained", Long::parseLong))));
    Map<List<String>, RejectGroup> groups = new LinkedHashMap<>();
    long[] rejected = {0};
    each(
        folder.resolve(Report.REJECTS.file()),
        r -> {
          rejected[0]++;
          Rejects.add(
              groups, text(r, "file"), count(r, "line"), text(r, "table"), text(r, "reason"));
        });
    List<ThemeWeek> themes = new ArrayList<>();
    eachIfPresent(
        folder.resolve(Report.THEMES_WEEKLY.file()),
        r ->
            themes.add(
                new ThemeWeek(
                    text(r, "week"),
                    text(r, "theme"),
                    text(r, "role"),
                    count(r, "posts"),
                    count(r, "engagement"),
                    count(r, "views"))));
    List<ClaimWeek> claims = new ArrayList<>();
    eachIfPresent(
        folder.resolve(Report.CLAIMS_WEEKLY.file()),
        r ->
            claims.add(
                new ClaimWeek(
                    text(r, "week"),
                    text(r, "claim_id"),
                    text(r, "platform"),
                    count(r, "posts"),
                    count(r, "engagement"),
                    count(r, "views"),
                    count(r, "counter_posts"),
                    count(r, "counter_engagement"))));
    List<TopPostRow> topPosts = new ArrayList<>();
    eachIfPresent(
        folder.resolve(Report.TOP_POSTS_WEEKLY.file()),
        r ->
            topPosts.add(
                new TopPostRow(
                    text(r, "week"),
                    (int) count(r, "rank"),
                    text(r, "platform"),
                    text(r, "post_id"),
                    text(r, "handle"),
                    text(r, "entity_id"),
                    count(r, "engagement"),
                    r.get("baseline"),
                    r.get("overperformance"),
                    text(r, "url"))));
    return new ReportTables(
        entities,
        bulletins,
        platforms,
        channels,
        new Rejects(rejected[0], new ArrayList<>(groups.values())),
        themes,
        claims,
        topPosts);
  }

  private static void eachIfPresent(Path file, Consumer<Row> row) throws IOException {
    if (Files.exists(file)) {
      each(file, row);
    }
  }

  /**
   * Hands each record of a report file to {@code row}, by column name, reading the file record by
   * record (a quoted cell may span lines) so that a large rejects.csv is never held whole.
   */
  private static void each(Path file, Consumer<Row> row) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Map<String, Integer> columns = new HashMap<>();
      long[] records = {0};
      // One tokenizer for the whole file: a tokenizer per line allocated its 64K-char window per
      // row (seconds for a report of 100,000 rows).
      CsvRecords.forEach(
          in,
          ',',
          record -> {
            if (record.fields.size() == 1
                && record.fields.get(0).isEmpty()
                && record.error == null) {
              return; // a blank line
            }
            records[0]++;
            if (record.error != null) {
              throw new UncheckedIOException(
                  new IOException(file + " record " + records[0] + ": not a report row"));
            }
            if (records[0] == 1) {
              for (int i = 0; i < record.fields.size(); i++) {
                columns.put(record.fields.get(i), i);
              }
            } else {
              row.accept(new Row(file, record.fields, columns));
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The cells of one report row by column name. */
  private record Row(Path file, List<String> fields, Map<String, Integer> columns) {
    String get(String column) {
      Integer i = columns.get(column);
      if (i == null) {
        throw new IllegalArgumentException(file + " has no column " + column);
      }
      return fields.get(i);
    }
  }

  /** Text as the data had it: the contract's formula guard ({@code '} before = + - @) undone. */
  private static String text(Row r, String column) {
    String v = r.get(column);
    if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@\t\r".indexOf(v.charAt(1)) >= 0) {
      return v.substring(1);
    }
    return v;
  }

  private static long count(Row r, String column) {
    return Long.parseLong(r.get(column));
  }

  private static <T> T optional(Row r, String column, Function<String, T> parse) {
    String v = r.get(column);
    return v.isEmpty() ? null : parse.apply(v);
  }
}
