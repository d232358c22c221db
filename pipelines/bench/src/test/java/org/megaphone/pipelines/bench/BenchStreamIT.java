package org.megaphone.pipelines.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code megaphone bench --stream} at scale 1 on embedded Flink: each job ends by itself and counts
 * every input row (the benchmark fails otherwise), and the figures and ratios are printed.
 */
class BenchStreamIT {
  @Test
  @Timeout(300)
  void theStreamBenchmarkCountsEveryEventInEachJobAndPrintsTheRatios(@TempDir Path tmp)
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code =
        Bench.run(
            Map.of(
                "stream", "true", "scale", "1", "runs", "1", "warmup", "0", "work", tmp.toString()),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out, code, equalTo(0));
    for (String engine :
        new String[] {"stream", "stream-copy", "passthrough", "read", "windowed"}) {
      assertThat(
          out,
          matchesPattern(
              "(?s).*\\n" + engine + " +[0-9.]+ +[0-9.]+ +[0-9,]+ +[0-9]+ MB +[0-9]+ MB\\n.*"));
    }
    assertThat(out, containsString("Megaphone stream / passthrough: "));
  }
}
