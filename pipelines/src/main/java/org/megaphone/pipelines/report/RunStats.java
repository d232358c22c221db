package org.megaphone.pipelines.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.megaphone.model.Stats;
import org.megaphone.read.CsvRecords;
import org.megaphone.read.InputFile;
import org.megaphone.reports.Report;
import org.megaphone.write.WriteReports;

/** The counts a run wrote to its staging folder, read back by the driver. */
public final class RunStats {
  public static final List<String> TABLES =
      List.of("accounts", "posts", "views", "bulletins", "followers", "overrides");

  private final Map<String, Long> values;
  final List<InputFile> files;
  private final Map<String, Long> reportRows;
  private final List<String> warnings;

  private RunStats(
      Map<String, Long> values,
      List<InputFile> files,
      Map<String, Long> reportRows,
      List<String> warnings) {
    this.values = values;
    this.files = files;
    this.reportRows = reportRows;
    this.warnings = warnings;
  }

  static RunStats read(Path staging) throws IOException {
    Map<String, Long> values = new TreeMap<>();
    for (List<String> row : rows(staging.resolve(ReportPipeline.STATS_FILE))) {
      values.put(row.get(0), Long.parseLong(row.get(1)));
    }
    List<InputFile> files = new ArrayList<>();
    for (List<String> row : rows(staging.resolve(ReportPipeline.INPUTS_FILE))) {
      files.add(
          InputFile.create(
                  row.get(0),
                  row.get(1),
                  Long.parseLong(row.get(2)),
                  row.get(3),
                  Long.parseLong(row.get(4)),
                  Long.parseLong(row.get(5)),
                  row.get(6),
                  row.get(7))
              .withAdjustments(ReportPipeline.adjustments(row.get(8)))
              .withNumberFormat(row.get(9)));
    }
    Map<String, Long> reportRows = new TreeMap<>();
    for (String report : Report.files()) {
      // Counted by the writer: a report is not read back to count it.
      Path counted = staging.resolve(WriteReports.rowCountFile(report));
      reportRows.put(
          report, Long.parseLong(Files.readString(counted, StandardCharsets.UTF_8).trim()));
    }
    List<String> warnings = new ArrayList<>();
    for (List<String> row : rows(staging.resolve(ReportPipeline.WARNINGS_FILE))) {
      warnings.add(row.get(0));
    }
    return new RunStats(values, files, reportRows, warnings);
  }

  private static List<List<String>> rows(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    List<CsvRecords.CsvRecord> records = CsvRecords.parse(text, ',');
    for (int i = 1; i < records.size(); i++) {
      rows.add(records.get(i).fields);
    }
    return rows;
  }

  long get(String name) {
    return values.getOrDefault(name, 0L);
  }

  long table(String table, String what) {
    return get(table + "." + what);
  }

  /** Rows of an output file, header excluded. */
  long reportRows(String file) {
    return reportRows.getOrDefault(file, 0L);
  }

  /** What the user should know although the run succeeded, one sentence each. */
  List<String> warnings() {
    return warnings;
  }

  /** The checks of contract sections 3 and 5; each failure is one sentence. */
  List<String> conservationFailures() {
    List<String> failures = new ArrayList<>();
    for (String t : TABLES) {
      long read = table(t, Stats.READ);
      long sum = table(t, Stats.ACCEPTED) + table(t, Stats.REJECTED) + table(t, Stats.DUPLICATES);
      if (read != sum) {
        failures.add(t + ": rows read " + read + " != accepted + rejected + duplicates " + sum);
      }
    }
    if (get(Stats.POSTS_ENGAGEMENT) != get(Stats.ENTITIES_WEEKLY_ENGAGEMENT)) {
      failures.add(
          "engagement of posts "
              + get(Stats.POSTS_ENGAGEMENT)
              + " != engagement in entities_weekly "
              + get(Stats.ENTITIES_WEEKLY_ENGAGEMENT));
    }
    if (get(Stats.VIEWS_CREDITED) != get(Stats.ENTITIES_WEEKLY_VIEWS)) {
      failures.add(
          "credited views "
              + get(Stats.VIEWS_CREDITED)
              + " != views in entities_weekly "
              + get(Stats.ENTITIES_WEEKLY_VIEWS));
    }
    if (table("posts", Stats.ACCEPTED) != get(Stats.ENTITIES_WEEKLY_POSTS)) {
      failures.add(
          "accepted posts "
              + table("posts", Stats.ACCEPTED)
              + " != posts in entities_weekly "
              + get(Stats.ENTITIES_WEEKLY_POSTS));
    }
    return failures;
  }
}
