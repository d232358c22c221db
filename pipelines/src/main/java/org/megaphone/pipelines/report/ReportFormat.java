package org.megaphone.pipelines.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.megaphone.read.CsvRecords;
import org.megaphone.reports.Report;

/**
 * {@code --format}: the reports as CSV (the contract's files) or as JSON Lines, one object per row
 * with the same fields in the same order and the rows in the same order. Counts and rates are JSON
 * numbers, and an empty count or rate is null. Every other field is a string, exactly the CSV cell
 * (the formula guard included).
 */
public final class ReportFormat {
  static final List<String> FORMATS = List.of("csv", "jsonl");

  private static final Set<String> NUMBERS =
      Set.of(
          "posts",
          "campaign_posts",
          "likes",
          "comments",
          "shares",
          "saves",
          "engagement",
          "views",
          "engagement_rate",
          "audience",
          "adopters",
          "uptake_rate",
          "median_hours_to_post",
          "followers_start",
          "followers_end",
          "gained",
          "line",
          "counter_posts",
          "counter_engagement",
          "coverage",
          "rank",
          "baseline",
          "overperformance");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keeps a rate's written digits (0.085000, as in the CSV), not a normalised 0.085. */
  private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);

  private ReportFormat() {}

  /**
   * The file a report is written to in the format: entities_weekly.csv or entities_weekly.jsonl.
   */
  static String fileName(String report, String format) {
    return Report.ofFile(report).file(format);
  }

  /** The same map, keyed by the files of the format. */
  static Map<String, Long> byFile(Map<String, Long> rowsByReport, String format) {
    Map<String, Long> rows = new LinkedHashMap<>();
    rowsByReport.forEach((report, n) -> rows.put(fileName(report, format), n));
    return rows;
  }

  /** Rewrites every report in the folder in the format (nothing to do for csv). */
  static void write(Path folder, String format) throws IOException {
    if (format.equals("csv")) {
      return;
    }
    for (String report : Report.files()) {
      Path csv = folder.resolve(report);
      toJsonLines(csv, folder.resolve(fileName(report, format)));
      Files.delete(csv);
    }
  }

  static void toJsonLines(Path csv, Path jsonl) throws IOException {
    List<CsvRecords.CsvRecord> records =
        CsvRecords.parse(Files.readString(csv, StandardCharsets.UTF_8), ',');
    try (BufferedWriter out = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
      if (records.isEmpty()) {
        return;
      }
      List<String> header = records.get(0).fields;
      for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
        ObjectNode row = EXACT.objectNode();
        for (int i = 0; i < header.size(); i++) {
          String name = header.get(i);
          String cell = i < r.fields.size() ? r.fields.get(i) : "";
          if (!NUMBERS.contains(name)) {
            row.put(name, cell);
          } else if (cell.isEmpty()) {
            row.putNull(name);
          } else {
            row.put(name, new BigDecimal(cell));
          }
        }
        out.write(JSON.writeValueAsString(row));
        out.write('\n');
      }
    }
  }
}
