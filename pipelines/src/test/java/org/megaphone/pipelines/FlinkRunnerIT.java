package org.megaphone.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The same pipeline on embedded Flink writes byte-identical reports to the DirectRunner's. */
class FlinkRunnerIT {

  @Test
  @Timeout(300)
  void embeddedFlinkWritesTheSameReportsAsTheDirectRunner(@TempDir Path tmp) throws IOException {
    Path in = MiniDataset.write(tmp.resolve("in"));
    for (String runner : new String[] {"DirectRunner", "FlinkRunner"}) {
      ReportRun.run(
          Megaphone.parse(
              new String[] {
                "--input=" + in,
                "--output=" + tmp.resolve(runner),
                "--timezone=Europe/Helsinki",
                "--maxRejectRatio=0.5",
                "--runner=" + runner,
                "--flinkMaster=[local]",
                "--parallelism=2"
              }));
    }
    for (String report : ReportPipeline.REPORTS) {
      assertThat(
          report,
          Files.readString(tmp.resolve("FlinkRunner").resolve(report)),
          equalTo(Files.readString(tmp.resolve("DirectRunner").resolve(report))));
    }
  }
}
