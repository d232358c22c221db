package org.megaphone.pipelines.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.megaphone.read.CsvRecords;
import org.megaphone.reports.Report;
import org.megaphone.rules.Weeks;

/**
 * The two programs the benchmark measures Megaphone against, on a generated dataset (flat
 * accounts.csv, posts.csv, views.csv): the same core of the main report — posts credited to their
 * author's entity, one row per post (the latest export), engagement per week and entity, views as
 * each post's highest cumulative snapshot — as DuckDB SQL and as a hand-written single pass. Both
 * return the same shape as {@link #megaphone}, so the three can be compared.
 *
 * <p>Result: "week|entity" → {posts, engagement}, and "views|entity" → {0, views}.
 */
public final class BenchReferences {
  private BenchReferences() {}

  /**
   * Whether the DuckDB JDBC driver is on the classpath ({@code ./megaphone bench} puts it there).
   */
  static boolean duckDbAvailable() {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The report's author-attributed core in DuckDB (in memory, 1.5 via JDBC). */
  static Map<String, long[]> duckDb(Path dataset, ZoneId zone) throws SQLException {
    Map<String, long[]> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      // ISO weeks of the zone as instants, so no time-zone extension is needed.
      s.execute("CREATE TABLE weeks (week VARCHAR, start_ms BIGINT, end_ms BIGINT)");
      StringBuilder weeks = new StringBuilder("INSERT INTO weeks VALUES ");
      List<String> labels = Weeks.between("2019-W01", "2022-W52");
      for (int i = 0; i < labels.size(); i++) {
        weeks
            .append(i == 0 ? "" : ",")
            .append(
                String.format(
                    Locale.ROOT,
                    "('%s',%d,%d)",
                    labels.get(i),
                    Weeks.startMillis(labels.get(i), zone),
                    Weeks.endMillis(labels.get(i), zone)));
      }
      s.execute(weeks.toString());
      s.execute(
          "CREATE TABLE accounts AS SELECT lower(platform) AS platform, lower(ltrim(handle, '@')) AS handle, entity_id"
              + " FROM read_csv('"
              + file(dataset, "accounts.csv")
              + "', header = true, all_varchar = true)");
      s.execute(
          "CREATE TABLE posts AS SELECT lower(platform) AS platform, post_id, lower(ltrim(handle, '@')) AS handle,"
              + " epoch_ms(TRY_CAST(published_at AS TIMESTAMPTZ)) AS published_ms,"
              + " coalesce(TRY_CAST(likes AS BIGINT), 0) + coalesce(TRY_CAST(comments AS BIGINT), 0)"
              + " + coalesce(TRY_CAST(shares AS BIGINT), 0) + coalesce(TRY_CAST(saves AS BIGINT), 0) AS engagement"
              + " FROM read_csv('"
              + file(dataset, "posts.csv")
              + "', header = true, all_varchar = true)"
              + " WHERE TRY_CAST(published_at AS TIMESTAMPTZ) IS NOT NULL"
              + " QUALIFY row_number() OVER (PARTITION BY lower(platform), post_id"
              + " ORDER BY TRY_CAST(exported_at AS TIMESTAMPTZ) DESC NULLS LAST, engagement DESC) = 1");
      s.execute(
          "CREATE TABLE views AS SELECT lower(platform) AS platform, post_id, max(TRY_CAST(views AS BIGINT)) AS views"
              + " FROM read_csv('"
              + file(dataset, "views.csv")
              + "', header = true, all_varchar = true)"
              + " WHERE TRY_CAST(views AS BIGINT) IS NOT NULL GROUP BY ALL");
      s.execute(
          "CREATE TABLE credited AS SELECT w.week, a.entity_id, p.engagement, coalesce(v.views, 0) AS views"
              + " FROM posts p JOIN accounts a USING (platform, handle)"
              + " JOIN weeks w ON p.published_ms >= w.start_ms AND p.published_ms < w.end_ms"
              + " LEFT JOIN views v USING (platform, post_id)");
      try (ResultSet r =
          s.executeQuery(
              "SELECT week, entity_id, count(*), sum(engagement) FROM credited GROUP BY ALL")) {
        while (r.next()) {
          out.put(r.getString(1) + "|" + r.getString(2), new long[] {r.getLong(3), r.getLong(4)});
        }
      }
      try (ResultSet r =
          s.executeQuery("SELECT entity_id, sum(views) FROM credited GROUP BY ALL")) {
        while (r.next()) {
          out.put("views|" + r.getString(1), new long[] {0, r.getLong(2)});
        }
      }
    }
    return out;
  }

  private static String file(Path dataset, String name) {
    return dataset.resolve(name).toAbsolutePath().toString().replace("'", "''");
  }

  /** The same core as one pass of plain Java over each file: the practical limit of the machine. */
  static Map<String, long[]> singlePass(Path dataset, ZoneId zone) throws IOException {
    Map<String, String> entityOf = new HashMap<>();
    for (List<String> r : rows(dataset.resolve("accounts.csv"))) {
      entityOf.put(r.get(0).toLowerCase(Locale.ROOT) + "|" + handle(r.get(1)), r.get(2));
    }
    // posts:
    // platform,post_id,handle,published_at,text,url,language,likes,comments,shares,saves,followers,exported_at
    Map<String, long[]> best = new HashMap<>(); // post → {published ms, engagement, exported ms}
    Map<String, String> entityOfPost = new HashMap<>();
    for (List<String> r : rows(dataset.resolve("posts.csv"))) {
      String entity = entityOf.get(r.get(0) + "|" + handle(r.get(2)));
      long published;
      try {
        published = OffsetDateTime.parse(r.get(3)).toInstant().toEpochMilli();
      } catch (DateTimeException e) {
        continue;
      }
      long exported =
          r.get(12).isEmpty()
              ? Long.MIN_VALUE
              : OffsetDateTime.parse(r.get(12)).toInstant().toEpochMilli();
      long engagement = count(r.get(7)) + count(r.get(8)) + count(r.get(9)) + count(r.get(10));
      String key = r.get(0) + "|" + r.get(1);
      long[] kept = best.get(key);
      if (kept == null || exported > kept[2] || (exported == kept[2] && engagement > kept[1])) {
        best.put(key, new long[] {published, engagement, exported});
        if (entity == null) {
          entityOfPost.remove(key);
        } else {
          entityOfPost.put(key, entity);
        }
      }
    }
    Map<String, Long> highest = new HashMap<>();
    for (List<String> r : rows(dataset.resolve("views.csv"))) {
      highest.merge(r.get(0) + "|" + r.get(1), Long.parseLong(r.get(3)), Math::max);
    }
    Map<String, long[]> out = new TreeMap<>();
    for (Map.Entry<String, long[]> p : best.entrySet()) {
      String entity = entityOfPost.get(p.getKey());
      if (entity == null) {
        continue;
      }
      long[] weekly =
          out.computeIfAbsent(Weeks.label(p.getValue()[0], zone) + "|" + entity, k -> new long[2]);
      weekly[0]++;
      weekly[1] += p.getValue()[1];
      out.computeIfAbsent("views|" + entity, k -> new long[2])[1] +=
          highest.getOrDefault(p.getKey(), 0L);
    }
    return out;
  }

  /**
   * Megaphone's result in the same shape, from its posts_attributed.csv (posts credited to their
   * author).
   */
  static Map<String, long[]> megaphone(Path output) throws IOException {
    Map<String, long[]> out = new TreeMap<>();
    // platform,post_id,week,handle,entity_id,reason,campaign,bulletin_id,engagement,views,themes
    for (List<String> r : rows(output.resolve(Report.POSTS_ATTRIBUTED.file()))) {
      if (!r.get(5).equals("author")) {
        continue;
      }
      long[] weekly = out.computeIfAbsent(r.get(2) + "|" + r.get(4), k -> new long[2]);
      weekly[0]++;
      weekly[1] += Long.parseLong(r.get(8));
      out.computeIfAbsent("views|" + r.get(4), k -> new long[2])[1] += Long.parseLong(r.get(9));
    }
    return out;
  }

  /** The rows that differ between two results, for the agreement check ("" when none). */
  static String differences(Map<String, long[]> a, Map<String, long[]> b) {
    Map<String, String> x = new TreeMap<>();
    a.forEach((k, v) -> x.put(k, v[0] + "," + v[1]));
    Map<String, String> y = new TreeMap<>();
    b.forEach((k, v) -> y.put(k, v[0] + "," + v[1]));
    if (x.equals(y)) {
      return "";
    }
    for (String k : new TreeSet<>(x.keySet())) {
      if (!x.get(k).equals(y.get(k))) {
        return k + ": " + x.get(k) + " against " + y.get(k);
      }
    }
    for (String k : y.keySet()) {
      if (!x.containsKey(k)) {
        return k + ": missing against " + y.get(k);
      }
    }
    return "";
  }

  private static String handle(String h) {
    String s = h.startsWith("@") ? h.substring(1) : h;
    return s.toLowerCase(Locale.ROOT);
  }

  private static long count(String cell) {
    return cell.isEmpty() ? 0 : Long.parseLong(cell);
  }

  private static List<List<String>> rows(Path file) throws IOException {
    List<CsvRecords.CsvRecord> records =
        CsvRecords.parse(Files.readString(file, StandardCharsets.UTF_8), ',');
    return records.subList(1, records.size()).stream()
        .filter(r -> r.error == null)
        .map(r -> r.fields)
        .toList();
  }
}
