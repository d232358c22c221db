package org.megaphone.pipelines.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.report.ReportRun;
import org.megaphone.pipelines.report.RunSummary;
import org.megaphone.read.LiveCounts;

/** Progress lines on the terminal while a report runs, and --quiet. */
class ProgressTest {
  private static final Pattern RUNNING =
      Pattern.compile(
          "megaphone: (?:running on|pipeline done on) DirectRunner, \\d+ s: ([\\d,]+) files, ([\\d,]+) rows read, ([\\d,]+) rejected, .*");

  private static long number(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }

  @Test
  void theFinalLineCountsAdjustedExportCellsOnlyWhenThereAreAny() {
    Progress progress = new Progress(new PrintStream(OutputStream.nullOutputStream()), 10);
    assertThat(
        progress.line("pipeline done on", "DirectRunner", new long[] {3, 40, 1, 30, 10, 5}),
        containsString(
            ": 3 files, 40 rows read, 1 rejected, 30 posts attributed, 10 reports written, 5 export cells or records adjusted (see the warnings)"));
    assertThat(
        progress.line("pipeline done on", "DirectRunner", new long[] {3, 40, 1, 30, 10, 0}),
        endsWith("10 reports written"));
  }

  @Test
  void embeddedFlinkLinesShowTheShareReadAndAnEstimateOfTheTimeLeftNotOnlyElapsedTime() {
    Progress progress = new Progress(new PrintStream(OutputStream.nullOutputStream()), 10);
    progress.expect(4, 400_000_000L, true);

    String reading =
        progress.readLine("FlinkRunner", new LiveCounts.Snapshot(1, 100_000_000L, 1_000, 2));
    String done =
        progress.readLine("FlinkRunner", new LiveCounts.Snapshot(4, 400_000_000L, 4_000, 2));

    assertThat(
        reading,
        containsString(
            ": 1 of 4 files, 100.0 of 400.0 MB read (25%), 1,000 rows, 2 rejected; about "));
    assertThat(reading, containsString(" s left to read"));
    assertThat(
        done,
        containsString(
            "all 4 of 4 files read (400.0 MB), 4,000 rows, 2 rejected; attributing and writing"));
    progress.expect(4, 400_000_000L, false);
    assertThat(
        progress.readLine("FlinkRunner", new LiveCounts.Snapshot(0, 0, 0, 0)),
        containsString("a cluster counts in its TaskManagers"));
  }

  @Test
  @Timeout(120)
  void aDirectRunnerReportPrintsItsStagesAndTheRowsAndRejectsReadSoFar(@TempDir Path tmp) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ReportRun.Result result =
        ReportRun.run(
            Megaphone.parse(
                new String[] {
                  "--input=" + Paths.get("..", "testdata", "coronafacts"),
                  "--output=" + tmp.resolve("out"),
                  "--timezone=Europe/Helsinki"
                }),
            List.of(),
            new Progress(log, 20));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(
        lines.get(0),
        containsString(
            "megaphone: reading "
                + Paths.get("..", "testdata", "coronafacts")
                + ", attributing and aggregating on DirectRunner"));
    List<Matcher> running = lines.stream().map(RUNNING::matcher).filter(Matcher::matches).toList();
    assertThat("a line every 20 ms of a run of seconds", running.size(), greaterThanOrEqualTo(2));
    long rows = 0;
    for (Matcher m : running) {
      assertThat("rows read never go back", number(m.group(2)), greaterThanOrEqualTo(rows));
      rows = number(m.group(2));
    }
    Matcher last = running.get(running.size() - 1);
    assertThat(last.group(), containsString("pipeline done on DirectRunner"));
    // The line at the end holds the summary's totals.
    RunSummary.Inputs inputs = result.summary().inputs();
    // Files the pipeline read: the claims file is read by the driver before it starts.
    long pipelineFiles = inputs.files().stream().filter(f -> !"claims".equals(f.table())).count();
    assertThat(number(last.group(1)), equalTo(pipelineFiles));
    assertThat(rows, equalTo(inputs.tables().values().stream().mapToLong(t -> t.read()).sum()));
    // Rows rejected while reading; the override that names an unknown entity is rejected later.
    assertThat(
        number(last.group(3)),
        equalTo(inputs.tables().values().stream().mapToLong(t -> t.rejected()).sum() - 1));
    assertThat(
        lines.get(lines.size() - 1),
        containsString("megaphone: publishing the reports in " + tmp.resolve("out")));
  }

  @Test
  @Timeout(60)
  void aRunnerThatBlocksGetsALineWithWhatItHasReadUntilItEnds() {
    CountDownLatch twoLines = new CountDownLatch(2);
    PrintStream log =
        new PrintStream(OutputStream.nullOutputStream()) {
          @Override
          public PrintStream printf(Locale l, String format, Object... args) {
            twoLines.countDown();
            return this;
          }

          @Override
          public void println(String line) {
            twoLines.countDown();
          }
        };
    PipelineResult done = new Finished();
    PipelineResult.State state =
        new Progress(log, 10)
            .run(
                () -> {
                  try {
                    twoLines.await();
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                  return done;
                },
                "FlinkRunner",
                false);
    assertThat(state, equalTo(PipelineResult.State.DONE));
    assertThat(twoLines.getCount(), equalTo(0L));
  }

  @Test
  void aFailureOfABlockingRunnerReachesTheCallerAsItWasThrown() {
    IllegalArgumentException failure = new IllegalArgumentException("roster broken");
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Progress(new PrintStream(OutputStream.nullOutputStream()), 10)
                    .run(
                        () -> {
                          throw failure;
                        },
                        "FlinkRunner",
                        false));
    assertThat(thrown, sameInstance(failure));
  }

  @Test
  @Timeout(120)
  void quietPrintsNothingWhenTheRunSucceeds(@TempDir Path tmp) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Megaphone.run(
            new String[] {
              "report",
              "--input=" + Paths.get("..", "testdata", "turin"),
              "--output=" + tmp.resolve("out"),
              "--timezone=Europe/Rome",
              "--quiet=true"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code, equalTo(0));
    assertThat(out.toString(StandardCharsets.UTF_8), equalTo(""));
    assertThat(err.toString(StandardCharsets.UTF_8), equalTo(""));
  }

  /** A pipeline that has finished. */
  private static final class Finished implements PipelineResult {
    @Override
    public State getState() {
      return State.DONE;
    }

    @Override
    public State cancel() {
      return State.DONE;
    }

    @Override
    public State waitUntilFinish(Duration duration) {
      return State.DONE;
    }

    @Override
    public State waitUntilFinish() {
      return State.DONE;
    }

    @Override
    public MetricResults metrics() {
      throw new UnsupportedOperationException();
    }
  }
}
