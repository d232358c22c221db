package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.testing.MiniDataset;
import org.megaphone.reports.Report;

/** The same pipeline on embedded Flink writes byte-identical reports to the DirectRunner's. */
class FlinkRunnerIT {

  private static void assertSameReportsOnBothRunners(Path in, Path tmp, String... extra)
      throws IOException {
    for (String runner : new String[] {"DirectRunner", "FlinkRunner"}) {
      String[] args = new String[5 + extra.length];
      args[0] = "--input=" + in;
      args[1] = "--output=" + tmp.resolve(runner);
      args[2] = "--runner=" + runner;
      args[3] = "--flinkMaster=[local]";
      args[4] = "--parallelism=2";
      System.arraycopy(extra, 0, args, 5, extra.length);
      ReportRun.run(Megaphone.parse(args));
    }
    for (String report : Report.files()) {
      assertThat(
          report,
          Files.readString(tmp.resolve("FlinkRunner").resolve(report)),
          equalTo(Files.readString(tmp.resolve("DirectRunner").resolve(report))));
    }
  }

  @Test
  @Timeout(300)
  void embeddedFlinkWritesTheSameReportsAsTheDirectRunnerOnTheMiniDataset(@TempDir Path tmp)
      throws IOException {
    assertSameReportsOnBothRunners(
        MiniDataset.write(tmp.resolve("in")),
        tmp,
        "--timezone=Europe/Helsinki",
        "--maxRejectRatio=0.5");
  }

  @Test
  @Timeout(300)
  void embeddedFlinkWritesTheSameReportsAsTheDirectRunnerOnCoronafacts(@TempDir Path tmp)
      throws IOException {
    assertSameReportsOnBothRunners(
        Paths.get("..", "testdata", "coronafacts"),
        tmp,
        "--timezone=Europe/Helsinki",
        "--shards=5");
  }
}
