package org.megaphone.write.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.megaphone.read.CsvRecords;

/**
 * The finished CSV reports of a run, read back for report.html. The page is drawn from the same
 * files the user gets, after the week cut and pseudonymisation, so it can never show a number the
 * CSVs do not hold. posts_attributed.csv, the one report that grows with the input, is not read.
 */
public record ReportTables(
    List<EntityWeek> entities,
    List<BulletinRow> bulletins,
    List<PlatformWeek> platforms,
    List<ChannelWeek> channels,
    List<RejectRow> rejects) {

  /** A row of entities_weekly.csv. */
  public record EntityWeek(
      String week, String entityId, String name, String role, String cohort, String municipality,
      long posts, long campaignPosts, long engagement, long views) {}

  /** A row of bulletin_uptake.csv. */
  public record BulletinRow(
      String bulletinId, String campaign, String language, String sentAt, Long audience, long adopters,
      Double uptakeRate, long posts, long engagement, long views, Double medianHoursToPost) {}

  /** A row of platforms_weekly.csv. */
  public record PlatformWeek(
      String week, String platform, String language, long posts, long campaignPosts, long engagement, long views) {}

  /** A row of channel_growth.csv. */
  public record ChannelWeek(
      String week, String platform, String handle, Long followersStart, Long followersEnd, Long gained) {}

  /** A row of rejects.csv (without the raw record, which the page never shows). */
  public record RejectRow(String file, long line, String table, String reason) {}

  /** Reads the five reports the page draws from out of the folder. */
  public static ReportTables read(Path folder) throws IOException {
    return new ReportTables(
        rows(folder.resolve("entities_weekly.csv"),
            r -> new EntityWeek(
                r.text("week"), r.text("entity_id"), r.text("entity_name"), r.text("role"), r.text("cohort"),
                r.text("municipality"), r.count("posts"), r.count("campaign_posts"), r.count("engagement"),
                r.count("views"))),
        rows(folder.resolve("bulletin_uptake.csv"),
            r -> new BulletinRow(
                r.text("bulletin_id"), r.text("campaign"), r.text("language"), r.text("sent_at"),
                r.optionalCount("audience"), r.count("adopters"), r.optionalDecimal("uptake_rate"), r.count("posts"),
                r.count("engagement"), r.count("views"), r.optionalDecimal("median_hours_to_post"))),
        rows(folder.resolve("platforms_weekly.csv"),
            r -> new PlatformWeek(
                r.text("week"), r.text("platform"), r.text("language"), r.count("posts"),
                r.count("campaign_posts"), r.count("engagement"), r.count("views"))),
        rows(folder.resolve("channel_growth.csv"),
            r -> new ChannelWeek(
                r.text("week"), r.text("platform"), r.text("handle"), r.optionalCount("followers_start"),
                r.optionalCount("followers_end"), r.optionalCount("gained"))),
        rows(folder.resolve("rejects.csv"),
            r -> new RejectRow(r.text("file"), r.count("line"), r.text("table"), r.text("reason"))));
  }

  private static <T> List<T> rows(Path file, Function<Cells, T> row) throws IOException {
    List<CsvRecords.Record> records = CsvRecords.parse(Files.readString(file, StandardCharsets.UTF_8), ',');
    List<T> rows = new ArrayList<>();
    if (records.isEmpty()) {
      return rows;
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = records.get(0).fields;
    for (int i = 0; i < header.size(); i++) {
      columns.put(header.get(i), i);
    }
    for (int i = 1; i < records.size(); i++) {
      CsvRecords.Record record = records.get(i);
      if (record.error != null) {
        throw new IOException(file + " line " + record.line + ": " + record.error);
      }
      rows.add(row.apply(new Cells(file, record, columns)));
    }
    return rows;
  }

  /** The cells of one report row by column name. */
  private record Cells(Path file, CsvRecords.Record record, Map<String, Integer> columns) {
    String raw(String column) {
      Integer i = columns.get(column);
      if (i == null) {
        throw new IllegalArgumentException(file + " has no column " + column);
      }
      return record.fields.get(i);
    }

    /** Text as the data had it: the contract's formula guard ({@code '} before = + - @) undone. */
    String text(String column) {
      String v = raw(column);
      if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@\t\r".indexOf(v.charAt(1)) >= 0) {
        return v.substring(1);
      }
      return v;
    }

    long count(String column) {
      return Long.parseLong(raw(column));
    }

    Long optionalCount(String column) {
      String v = raw(column);
      return v.isEmpty() ? null : Long.parseLong(v);
    }

    Double optionalDecimal(String column) {
      String v = raw(column);
      return v.isEmpty() ? null : Double.parseDouble(v);
    }
  }
}
