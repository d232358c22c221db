package org.megaphone.pipelines.stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.report.ReportRun;
import org.megaphone.pipelines.testing.Testdata;
import org.megaphone.read.CsvRecords;

/**
 * An archive replayed through the stream on embedded Flink ({@code --stopAfterIdle}): the job ends
 * by itself, and its live files end with exactly the batch report's rows. On Flink each week fires
 * a last, empty pane; before it was skipped, the entities panes failed on it (the job restarted for
 * ever) and the claims rows were overwritten by it (claims_weekly stayed empty).
 */
class StreamReplayFlinkIT {
  private static final String[] REPORTS = {
    "entities_weekly", "platforms_weekly", "themes_weekly", "claims_weekly", "top_posts_weekly"
  };

  /**
   * Every data line of a report in the live folder (all weeks), without the pane and sequence
   * columns.
   */
  private static Map<String, Integer> liveLines(Path live, String report) throws IOException {
    Map<String, Integer> lines = new TreeMap<>();
    try (Stream<Path> weeks = Files.list(live)) {
      for (Path week : weeks.filter(Files::isDirectory).toList()) {
        Path file = week.resolve(report + ".csv");
        if (Files.exists(file)) {
          var records = CsvRecords.parse(Files.readString(file, StandardCharsets.UTF_8), ',');
          for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
            lines.merge(
                String.join(",", r.fields.subList(0, r.fields.size() - 2)), 1, Integer::sum);
          }
        }
      }
    }
    return lines;
  }

  private static Map<String, Integer> batchLines(Path batch, String report) throws IOException {
    Map<String, Integer> lines = new TreeMap<>();
    var records =
        CsvRecords.parse(
            Files.readString(batch.resolve(report + ".csv"), StandardCharsets.UTF_8), ',');
    for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
      lines.merge(String.join(",", r.fields), 1, Integer::sum);
    }
    return lines;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"turin,Europe/Rome", "coronafacts,Europe/Helsinki"})
  @Timeout(300)
  void replayedArchiveEndsByItselfWithTheBatchRowsOnEmbeddedFlink(
      String dataset, String zone, @TempDir Path tmp) throws Exception {
    Path in = Testdata.folder(dataset);
    ReportRun.run(
        Megaphone.parse(
            new String[] {
              "--input=" + in,
              "--output=" + tmp.resolve("batch"),
              "--timezone=" + zone,
              "--quiet=true"
            }));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Megaphone.run(
            new String[] {
              "stream",
              "--input=" + in,
              "--output=" + tmp.resolve("live"),
              "--timezone=" + zone,
              "--pollInterval=PT0.2S",
              "--stopAfterIdle=PT1S",
              "--runner=FlinkRunner",
              "--flinkMaster=[local]",
              "--parallelism=2"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8), code, equalTo(0));

    for (String report : REPORTS) {
      Map<String, Integer> batch = batchLines(tmp.resolve("batch"), report);
      assertThat(report + " has rows in the batch report", batch.size(), greaterThan(0));
      assertThat(report, liveLines(tmp.resolve("live"), report), equalTo(batch));
    }
  }
}
