package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.testing.MiniDataset;

/**
 * Fault injection for D27: a report JVM is killed with SIGKILL at random points of its publish
 * step, again and again, and after every kill {@code --output} verifies as one whole run — the
 * previous one or the new one — or, killed between the swap's two renames, is empty until the next
 * run puts the previous one back. The child slows its swap down ({@link
 * OutputFolder#PAUSE_PROPERTY}) so that the random kills spread over every step of it.
 */
class PublishKillIT {
  private static final int KILLS = 24;
  private static final long PAUSE_MILLIS = 250;

  @TempDir Path tmp;

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void aKillAtAnyPointOfThePublishLeavesOneWholeRun() throws Exception {
    Path input = MiniDataset.write(tmp.resolve("in"));
    Path output = tmp.resolve("out");
    assertThat(report(input, output, "first", Long.MAX_VALUE), is(0));
    String published = title(output);
    Random random = new Random(20201);
    int killed = 0;
    int emptied = 0;
    for (int i = 0; i < KILLS; i++) {
      String title = "run-" + i;
      // Kill somewhere from just before the swap's first rename to just after its last step.
      long delay = (long) (random.nextDouble() * 3.4 * PAUSE_MILLIS);
      int code = report(input, output, title, delay);
      if (code != 0) {
        killed++;
      }
      if (!Files.exists(output)) {
        // Between the two renames: nothing, until the next run puts the previous run back.
        emptied++;
        OutputFolder.lock(output, ReportRun.ownFiles()).close();
      }
      assertThat("after kill " + i + " the output verifies", verify(output), is(0));
      String now = title(output);
      assertThat(now, anyOf(equalTo(published), equalTo(title)));
      try (var files = Files.list(output)) {
        // One run's files and nothing else: no staging folder, no file of another run.
        assertThat(
            files.allMatch(f -> ReportRun.ownFiles().contains(f.getFileName().toString())),
            is(true));
      }
      published = now;
    }
    // At least 20 kills must have hit the publish step (a kill after its end is no kill).
    assertThat(killed, greaterThanOrEqualTo(20));
    System.out.println("PublishKillIT: " + killed + " kills, " + emptied + " between the renames");
    // A normal run afterwards cleans what the killed ones left next to the output.
    assertThat(report(input, output, "last", Long.MAX_VALUE), is(0));
    try (var left = Files.list(tmp.resolve(".megaphone-out"))) {
      assertThat(left.map(p -> p.getFileName().toString()).toList(), equalTo(List.of("lock")));
    }
  }

  /**
   * Runs the report in a child JVM and kills it {@code killAfterMillis} after it starts publishing;
   * returns its exit code (137 or so when killed).
   */
  private static int report(Path input, Path output, String title, long killAfterMillis)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-D" + OutputFolder.PAUSE_PROPERTY + "=" + PAUSE_MILLIS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Megaphone.class.getName());
    command.addAll(
        List.of(
            "report",
            "--input=" + input,
            "--output=" + output,
            "--timezone=Europe/Helsinki",
            "--maxRejectRatio=0.6",
            "--runner=DirectRunner",
            "--title=" + title));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.contains("publishing the reports") && killAfterMillis != Long.MAX_VALUE) {
          Thread.sleep(killAfterMillis);
          child.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
          break;
        }
      }
    }
    if (!child.waitFor(3, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      throw new AssertionError("the report did not end");
    }
    return child.exitValue();
  }

  private static int verify(Path output) {
    return Megaphone.run(
        new String[] {"verify", "--manifest=" + output.resolve("summary.json")},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static String title(Path output) throws IOException {
    return new ObjectMapper()
        .readTree(output.resolve("summary.json").toFile())
        .path("options")
        .path("title")
        .asText();
  }
}
