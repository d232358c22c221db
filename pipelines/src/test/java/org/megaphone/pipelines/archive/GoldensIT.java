package org.megaphone.pipelines.archive;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.report.ReportRun;
import org.megaphone.pipelines.testing.Testdata;

/**
 * A generated scale-10 campaign (10,288 posts, 64,705 view snapshots), reported on embedded Flink
 * as the launcher chooses for an input of its size, gives byte for byte the report files recorded
 * in testdata/goldens/gen10.sha256 (the testdata sets are checked in TestdataReportTest).
 */
class GoldensIT {
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void generatedScaleTenCampaignGivesItsRecordedReportFiles(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("gen10"); // the page's title is the folder's name
    Generate.write(in, 10, 1, false);
    Path out = tmp.resolve("out");
    ReportRun.run(
        Megaphone.parse(
            Megaphone.withRunnerForInput(
                new String[] {
                  "--input=" + in, "--output=" + out, "--timezone=UTC", "--quiet=true"
                })));
    Testdata.assertMatchesGoldens(out, "gen10");
  }
}
