package org.megaphone.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.reports.Report;

/**
 * Writing the reports (contract section 5, D24, D25): each one sorted CSV file with its header,
 * even without rows, and its row count beside it. WriteReports has no output collection: the files
 * it writes are what is checked.
 */
@ExtendWith(TestPipelineExtension.class)
class WriteReportsTest {

  private static ReportRow row(String key, String... cells) {
    return ReportRow.create(List.of(key), List.of(cells));
  }

  private static String read(Path dir, String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  @Test
  void writesEachReportAsOneFileSortedByItsKeyWithItsRowCountBeside(
      TestPipeline p, @TempDir Path dir) throws IOException {
    p.apply(
        "WriteReports",
        new WriteReports(dir.toString())
            .add(
                "entities_weekly.csv",
                List.of("week", "entity_id", "posts"),
                p.apply(
                    "CreateEntityRows",
                    Create.of(
                        // Keys compared by code point ("Z" before "a"); equal keys ordered by their
                        // cells.
                        ReportRow.create(
                            List.of("2020-W14", "anna"), List.of("2020-W14", "anna", "9")),
                        ReportRow.create(
                            List.of("2020-W13", "anna"), List.of("2020-W13", "anna", "2")),
                        ReportRow.create(
                            List.of("2020-W13", "Zoe"), List.of("2020-W13", "Zoe", "1")),
                        ReportRow.create(
                            List.of("2020-W14", "anna"), List.of("2020-W14", "anna", "10")))))
            .add(
                "rejects.csv",
                List.of("file", "reason"),
                p.apply(
                    "CreateRejectRows",
                    Create.of(row("posts.csv", "posts.csv", "unknown platform: platform='a,b'")))));
    p.run().waitUntilFinish();

    assertThat(
        read(dir, "entities_weekly.csv"),
        is(
            "week,entity_id,posts\n2020-W13,Zoe,1\n2020-W13,anna,2\n2020-W14,anna,10\n2020-W14,anna,9\n"));
    // A cell holding a comma or a quote is quoted, its quotes doubled (D25).
    assertThat(
        read(dir, "rejects.csv"),
        is("file,reason\nposts.csv,\"unknown platform: platform='a,b'\"\n"));
    assertThat(read(dir, WriteReports.rowCountFile("entities_weekly.csv")), is("4"));
    assertThat(read(dir, WriteReports.rowCountFile("rejects.csv")), is("1"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(
          files.map(f -> f.getFileName().toString()).toList(),
          containsInAnyOrder(
              "entities_weekly.csv",
              "rejects.csv",
              ".entities_weekly.csv.rows",
              ".rejects.csv.rows"));
    }
  }

  @Test
  void keyedRowsGoToTheFileTheirKeyNamesAndAReportWithoutRowsStillGetsItsHeader(
      TestPipeline p, @TempDir Path dir) throws IOException {
    KvCoder<String, ReportRow> coder =
        KvCoder.of(StringUtf8Coder.of(), ReportRow.WireCoder.INSTANCE);
    p.apply(
        "WriteReports",
        new WriteReports(dir.toString())
            .addKeyed(
                Map.of(
                    "platforms_weekly.csv", List.of("week", "platform"),
                    "themes_weekly.csv", List.of("week", "theme"),
                    "claims_weekly.csv", List.of("week", "claim_id")),
                p.apply(
                    "CreateKeyedRows",
                    Create.of(
                            KV.of("themes_weekly.csv", row("2020-W14", "2020-W14", "hope")),
                            KV.of("platforms_weekly.csv", row("2020-W13", "2020-W13", "x")),
                            KV.of("themes_weekly.csv", row("2020-W13", "2020-W13", "solidarity")))
                        .withCoder(coder)))
            .add(
                "top_posts_weekly.csv",
                List.of("week", "rank"),
                p.apply("CreateNoRows", Create.empty(ReportRow.WireCoder.INSTANCE))));
    p.run().waitUntilFinish();

    assertThat(
        read(dir, "themes_weekly.csv"), is("week,theme\n2020-W13,solidarity\n2020-W14,hope\n"));
    assertThat(read(dir, "platforms_weekly.csv"), is("week,platform\n2020-W13,x\n"));
    assertThat(read(dir, "claims_weekly.csv"), is("week,claim_id\n"));
    assertThat(read(dir, "top_posts_weekly.csv"), is("week,rank\n"));
    assertThat(read(dir, WriteReports.rowCountFile("themes_weekly.csv")), is("2"));
    assertThat(read(dir, WriteReports.rowCountFile("claims_weekly.csv")), is("0"));
    assertThat(read(dir, WriteReports.rowCountFile("top_posts_weekly.csv")), is("0"));
  }

  @Test
  void aReportAddedByItsDefinitionGetsItsFileAndHeader(TestPipeline p, @TempDir Path dir)
      throws IOException {
    KvCoder<String, ReportRow> coder =
        KvCoder.of(StringUtf8Coder.of(), ReportRow.WireCoder.INSTANCE);
    p.apply(
        "WriteReports",
        new WriteReports(dir.toString())
            .addKeyed(
                List.of(Report.THEMES_WEEKLY),
                p.apply(
                    "CreateKeyedRows",
                    Create.of(
                            KV.of(
                                "themes_weekly.csv",
                                ReportRow.create(
                                    List.of("2020-W14", "hope", "mayor"),
                                    List.of("2020-W14", "hope", "mayor", "1", "5", "0"))))
                        .withCoder(coder)))
            .add(
                Report.CHANNEL_GROWTH,
                p.apply("CreateNoRows", Create.empty(ReportRow.WireCoder.INSTANCE))));
    p.run().waitUntilFinish();

    assertThat(
        read(dir, "themes_weekly.csv"),
        is("week,theme,role,posts,engagement,views\n2020-W14,hope,mayor,1,5,0\n"));
    assertThat(
        read(dir, "channel_growth.csv"),
        is("week,platform,handle,followers_start,followers_end,gained\n"));
  }

  @Test
  void aRowKeyedToAFileNoReportNamesStopsTheRunNamingTheFile(TestPipeline p, @TempDir Path dir) {
    KvCoder<String, ReportRow> coder =
        KvCoder.of(StringUtf8Coder.of(), ReportRow.WireCoder.INSTANCE);
    p.apply(
        "WriteReports",
        new WriteReports(dir.toString())
            .addKeyed(
                List.of(Report.THEMES_WEEKLY),
                p.apply(
                    "CreateMisroutedRow",
                    Create.of(KV.of("themes.csv", row("2020-W14", "2020-W14", "hope")))
                        .withCoder(coder))));
    Exception e = assertThrows(Exception.class, () -> p.run().waitUntilFinish());
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
      cause = cause.getCause();
    }
    assertThat(
        cause.getMessage(),
        is("rows keyed to themes.csv, which no report added to WriteReports names"));
  }
}
