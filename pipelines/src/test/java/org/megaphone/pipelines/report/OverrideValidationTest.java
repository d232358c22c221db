package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.testing.MiniDataset;

/** A rejected override is not used anywhere: not even to out-rank a valid one of the same post. */
class OverrideValidationTest {

  @Test
  void overrideOfAnUnknownEntityNeitherCreditsNorDisplacesAValidOverride(@TempDir Path tmp)
      throws IOException {
    Path in = MiniDataset.write(tmp.resolve("in"));
    // Its raw text is greater than the valid "instagram,x1,city", so it would win de-duplication.
    Files.writeString(
        in.resolve("overrides_more.csv"), "platform,post_id,entity_id\ninstagram,x1,zzz-unknown\n");
    Path out = tmp.resolve("out");
    ReportRun.run(
        Megaphone.parse(
            new String[] {
              "--input=" + in,
              "--output=" + out,
              "--timezone=Europe/Helsinki",
              "--maxRejectRatio=0.7"
            }));
    assertThat(
        Files.readString(out.resolve("posts_attributed.csv")),
        containsString("instagram,x1,2020-W14,stranger,city,override,"));
    assertThat(
        Files.readString(out.resolve("rejects.csv")),
        containsString(
            "overrides_more.csv,2,overrides,unknown entity_id: entity_id='zzz-unknown'"));
  }
}
