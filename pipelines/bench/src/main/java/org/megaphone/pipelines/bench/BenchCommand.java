package org.megaphone.pipelines.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.pipelines.run.RunFailedException;

/**
 * {@code megaphone bench}: the benchmark's command line. The benchmark is a module of its own
 * (pipelines/bench), with DuckDB's JDBC driver as its dependency; the shaded jar does not carry
 * either. {@code ./megaphone bench} runs this class with this module's jar, the shaded jar and the
 * driver (copied to pipelines/bench/target/lib by the build). Exit codes as for the jobs: 0 the
 * engines agree, 1 they disagree or a run failed, 2 usage.
 */
public final class BenchCommand {
  private BenchCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the benchmark with the options after {@code bench}. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return Megaphone.exitCode(
        "bench",
        "bench",
        err,
        () -> {
          Map<String, String> given =
              Megaphone.keyValues(
                  Arrays.stream(args)
                      .map(a -> a.equals("--stream") ? "--stream=true" : a)
                      .toArray(String[]::new));
          for (String key : given.keySet()) {
            if (!List.of("scale", "runs", "warmup", "engines", "work", "stream").contains(key)) {
              throw new UsageException(
                  "unknown option --"
                      + key
                      + " (bench takes --scale, --runs, --warmup, --engines, --work, --stream)");
            }
          }
          try {
            if (Bench.run(given, out) != 0) {
              throw new RunFailedException("the engines disagree on the author-attributed rows");
            }
          } catch (RunFailedException | UsageException e) {
            throw e;
          } catch (Exception e) {
            throw new RunFailedException(e.toString(), e);
          }
        });
  }
}
