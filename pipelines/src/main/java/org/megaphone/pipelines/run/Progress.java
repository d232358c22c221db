package org.megaphone.pipelines.run;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;
import org.megaphone.attribution.AttributePosts;
import org.megaphone.read.LiveCounts;
import org.megaphone.write.WriteReports;

/**
 * What a report run is doing, on the terminal: a line when a stage starts, and while the pipeline
 * runs a line every few seconds with the input files and rows read so far and the rows rejected so
 * far (the read steps' counters, as the runner reports them while it runs). {@code --quiet} turns
 * it off; errors are printed either way.
 */
public final class Progress {
  /** Prints nothing. */
  public static final Progress OFF = new Progress(null, 0);

  static final long EVERY_MILLIS = 3_000;

  private final PrintStream out;
  private final long everyMillis;
  private final long started = System.nanoTime();

  Progress(PrintStream out, long everyMillis) {
    this.out = out;
    this.everyMillis = everyMillis;
  }

  /** Progress lines on the stream, or none when quiet. */
  public static Progress to(PrintStream out, boolean quiet) {
    return quiet ? OFF : new Progress(out, EVERY_MILLIS);
  }

  public PrintStream out() {
    return out == null ? new PrintStream(OutputStream.nullOutputStream()) : out;
  }

  public void stage(String what) {
    if (out != null) {
      out.printf(Locale.ROOT, "megaphone: %s (%.1f s)%n", what, seconds());
    }
  }

  /**
   * Starts the pipeline and waits for it to end, printing a line every few seconds: with what it
   * has read so far when the runner reports counters while it runs ({@code live}: run() returns at
   * once), else with the time it has been running (run() blocks until the job ends).
   */
  public PipelineResult.State run(Supplier<PipelineResult> start, String runner, boolean live) {
    if (out == null) {
      return start.get().waitUntilFinish();
    }
    if (live) {
      PipelineResult result = start.get();
      while (true) {
        PipelineResult.State state = result.waitUntilFinish(Duration.millis(everyMillis));
        if (state != null && state.isTerminal()) {
          return finished(result, state, runner);
        }
        out.println(line("running on", runner, counts(result)));
      }
    }
    CompletableFuture<PipelineResult> running =
        CompletableFuture.supplyAsync(start, runnerThread());
    while (true) {
      try {
        PipelineResult result = running.get(everyMillis, TimeUnit.MILLISECONDS);
        return finished(result, result.waitUntilFinish(), runner);
      } catch (TimeoutException e) {
        out.println(readLine(runner, LiveCounts.snapshot()));
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the pipeline ran", e);
      }
    }
  }

  /** What the run is expected to read, for the share read and the time left; 0 when unknown. */
  private long expectedFiles;

  private long expectedBytes;

  /** Whether the job runs in this process (embedded Flink), so that {@code LiveCounts} sees it. */
  private boolean inProcess;

  /** Sets what the job will read: the files and bytes the driver listed before it started. */
  public void expect(long files, long bytes, boolean jobInThisProcess) {
    expectedFiles = files;
    expectedBytes = bytes;
    inProcess = jobInThisProcess;
    LiveCounts.reset();
  }

  /**
   * A progress line of a job whose runner gives no counters while it runs: what its read steps have
   * read in this process, the share of the input, and an estimate of the time left to read it (from
   * the rate so far); a job elsewhere (a cluster) only has its time.
   */
  String readLine(String runner, LiveCounts.Snapshot read) {
    double s = seconds();
    if (!inProcess) {
      return String.format(
          Locale.ROOT,
          "megaphone: running on %s, %.0f s (a cluster counts in its TaskManagers: counts come when it finishes)",
          runner,
          s);
    }
    String files =
        expectedFiles > 0
            ? read.files() + " of " + expectedFiles + " files"
            : read.files() + " files";
    if (expectedBytes <= 0) {
      return String.format(
          Locale.ROOT,
          "megaphone: running on %s, %.0f s: %s, %,d rows read, %,d rejected",
          runner,
          s,
          files,
          read.rows(),
          read.rejects());
    }
    if (read.bytes() >= expectedBytes) {
      return String.format(
          Locale.ROOT,
          "megaphone: running on %s, %.0f s: all %s read (%.1f MB), %,d rows, %,d rejected; attributing and writing",
          runner,
          s,
          files,
          expectedBytes / 1e6,
          read.rows(),
          read.rejects());
    }
    String left =
        read.bytes() == 0
            ? "starting"
            : String.format(
                Locale.ROOT,
                "about %.0f s left to read",
                s * (expectedBytes - read.bytes()) / read.bytes());
    return String.format(
        Locale.ROOT,
        "megaphone: running on %s, %.0f s: %s, %.1f of %.1f MB read (%.0f%%), %,d rows, %,d rejected; %s",
        runner,
        s,
        files,
        read.bytes() / 1e6,
        expectedBytes / 1e6,
        100.0 * read.bytes() / expectedBytes,
        read.rows(),
        read.rejects(),
        left);
  }

  private static Executor runnerThread() {
    return task -> {
      Thread t = new Thread(task, "megaphone-pipeline");
      t.setDaemon(true);
      t.start();
    };
  }

  /** The line with the final counts of a pipeline that ended. */
  private PipelineResult.State finished(
      PipelineResult result, PipelineResult.State state, String runner) {
    out.println(
        line(
            state == PipelineResult.State.DONE ? "pipeline done on" : "pipeline " + state + " on",
            runner,
            counts(result)));
    return state;
  }

  String line(String what, String runner, long[] counts) {
    return String.format(
            Locale.ROOT,
            "megaphone: %s %s, %.0f s: %,d files, %,d rows read, %,d rejected, %,d posts attributed, %,d reports written",
            what,
            runner,
            seconds(),
            counts[0],
            counts[1],
            counts[2],
            counts[3],
            counts[4])
        + (counts[5] > 0
            ? String.format(
                Locale.ROOT, ", %,d export cells or records adjusted (see the warnings)", counts[5])
            : "");
  }

  /**
   * Input files, rows and rejects read so far (summed over the read steps), posts attributed,
   * report files written, and export cells or records adjusted (D41); zeros when the runner has
   * none yet.
   */
  static long[] counts(PipelineResult result) {
    long[] counts = new long[6];
    MetricQueryResults metrics;
    try {
      metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
    } catch (RuntimeException e) {
      return counts; // a runner that cannot report metrics while running: the stage line still
      // ticks
    }
    for (MetricResult<Long> c : metrics.getCounters()) {
      String namespace = c.getName().getNamespace();
      String name = c.getName().getName();
      int slot;
      if (namespace.startsWith("org.megaphone.read.")) {
        slot = List.of("files", "rows", "rejects").indexOf(name);
        if (name.equals("adjusted")) {
          slot = 5;
        }
      } else if (namespace.equals(AttributePosts.class.getName()) && name.equals("posts")) {
        slot = 3;
      } else if (namespace.equals(WriteReports.class.getName()) && name.equals("files")) {
        slot = 4;
      } else {
        continue;
      }
      if (slot < 0) {
        continue;
      }
      long value;
      try {
        value = c.getAttempted();
      } catch (UnsupportedOperationException e) {
        continue;
      }
      counts[slot] += value;
    }
    return counts;
  }

  private double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
