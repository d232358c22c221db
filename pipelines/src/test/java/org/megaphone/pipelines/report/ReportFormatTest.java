package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.pipelines.testing.MiniDataset;
import org.megaphone.read.CsvRecords;
import org.megaphone.reports.Report;

/** --format=jsonl: the same rows and fields as the CSV reports, one JSON object per line. */
class ReportFormatTest {
  @TempDir Path tmp;

  private Path report(Path in, String name, String format) {
    return ReportRun.run(
            Megaphone.parse(
                new String[] {
                  "--input=" + in,
                  "--output=" + tmp.resolve(name),
                  "--timezone=Europe/Helsinki",
                  "--maxRejectRatio=0.6",
                  "--format=" + format
                }))
        .output();
  }

  @Test
  void jsonLinesHoldTheCsvRowsWithTheSameFieldsAndTypedNumbers() throws IOException {
    Path in = MiniDataset.write(tmp.resolve("in"));
    Path csv = report(in, "csv", "csv");
    Path jsonl = report(in, "jsonl", "jsonl");
    ObjectMapper json =
        new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    for (String report : Report.files()) {
      String name = report.replace(".csv", ".jsonl");
      assertThat(
          report + " is not written as CSV", Files.exists(jsonl.resolve(report)), equalTo(false));
      List<CsvRecords.CsvRecord> rows =
          CsvRecords.parse(Files.readString(csv.resolve(report), StandardCharsets.UTF_8), ',');
      List<String> lines = Files.readAllLines(jsonl.resolve(name), StandardCharsets.UTF_8);
      assertThat(name + " rows", lines.size(), equalTo(rows.size() - 1));
      for (int i = 0; i < lines.size(); i++) {
        JsonNode row = json.readTree(lines.get(i));
        List<String> fields = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Iterator<String> f = row.fieldNames(); f.hasNext(); ) {
          String field = f.next();
          fields.add(field);
          JsonNode v = row.get(field);
          values.add(
              v.isNull() ? "" : v.isNumber() ? v.decimalValue().toPlainString() : v.asText());
        }
        assertThat(name + " fields", fields, equalTo(rows.get(0).fields));
        assertThat(name + " line " + (i + 1), values, equalTo(rows.get(i + 1).fields));
      }
    }
    JsonNode first =
        json.readTree(Files.readAllLines(jsonl.resolve("entities_weekly.jsonl")).get(0));
    assertThat("counts are numbers", first.get("posts").isNumber(), equalTo(true));
    assertThat("names are strings", first.get("entity_id").isTextual(), equalTo(true));
    JsonNode summary = json.readTree(jsonl.resolve("summary.json").toFile());
    assertThat(
        summary.path("outputs").get(0).path("file").asText(), equalTo("entities_weekly.jsonl"));
    assertThat(
        Megaphone.run(
            new String[] {"verify", "--manifest=" + jsonl.resolve("summary.json")},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
        equalTo(0));
  }

  @Test
  void theWeeklyJobWritesTheWeekInJsonLines() throws IOException {
    Path in = MiniDataset.write(tmp.resolve("in"));
    int code =
        Megaphone.run(
            new String[] {
              "weekly",
              "--input=" + in,
              "--output=" + tmp.resolve("weekly"),
              "--timezone=Europe/Helsinki",
              "--maxRejectRatio=0.6",
              "--week=2020-W14",
              "--format=jsonl"
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code, equalTo(0));
    Path week = tmp.resolve("weekly").resolve("2020-W14");
    for (String report : Report.files()) {
      assertThat(
          report, Files.exists(week.resolve(report.replace(".csv", ".jsonl"))), equalTo(true));
      assertThat(report, Files.exists(week.resolve(report)), equalTo(false));
    }
    for (String line : Files.readAllLines(week.resolve("entities_weekly.jsonl"))) {
      assertThat(new ObjectMapper().readTree(line).get("week").asText(), equalTo("2020-W14"));
    }
  }

  @Test
  void anUnknownFormatIsAUsageError() throws IOException {
    Path in = MiniDataset.write(tmp.resolve("in"));
    Assertions.assertThrows(UsageException.class, () -> report(in, "x", "parquet"));
  }
}
