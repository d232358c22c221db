package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.run.RunFailedException;
import org.megaphone.pipelines.testing.MiniDataset;

/**
 * Runs that must fail (contract section 3): with a message naming what is wrong, and with the
 * output folder exactly as it was before.
 */
class RunFailureTest {
  @TempDir Path tmp;

  private RunFailedException failingRun(Path in, String... extra) throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("entities_weekly.csv"), "previous run\n");
    String[] args = new String[2 + extra.length];
    args[0] = "--input=" + in;
    args[1] = "--output=" + out;
    System.arraycopy(extra, 0, args, 2, extra.length);
    RunFailedException e =
        assertThrows(RunFailedException.class, () -> ReportRun.run(Megaphone.parse(args)));
    try (var files = Files.list(out)) {
      assertThat(
          "a failed run leaves the output folder as it was",
          files.map(f -> f.getFileName().toString()).toList(),
          equalTo(List.of("entities_weekly.csv")));
    }
    assertThat(Files.readString(out.resolve("entities_weekly.csv")), equalTo("previous run\n"));
    return e;
  }

  private Path dataset() throws IOException {
    return MiniDataset.write(tmp.resolve("in"));
  }

  @Test
  void duplicateAccountStopsTheRunNamingFileAndBothLines() throws IOException {
    Path in = dataset();
    Files.writeString(
        in.resolve("accounts_more.csv"),
        "platform,handle,entity_id,role\nig,@ANNA_K,someone,influencer\n",
        StandardCharsets.UTF_8);
    RunFailedException e = failingRun(in, "--maxRejectRatio=0.5");
    assertThat(e.getMessage(), containsString("duplicate account instagram @anna_k"));
    assertThat(e.getMessage(), containsString("accounts.csv line 2"));
    assertThat(e.getMessage(), containsString("accounts_more.csv line 2"));
  }

  @Test
  void entityWithTwoRolesStopsTheRunNamingFileAndLines() throws IOException {
    Path in = dataset();
    Files.writeString(
        in.resolve("accounts_more.csv"),
        "platform,handle,entity_id,role\nx,anna_x,anna,mayor\n",
        StandardCharsets.UTF_8);
    RunFailedException e = failingRun(in, "--maxRejectRatio=0.5");
    assertThat(
        e.getMessage(), containsString("entity anna has role influencer at accounts.csv line 2"));
    assertThat(e.getMessage(), containsString("role mayor at accounts_more.csv line 2"));
  }

  @Test
  void missingRequiredColumnStopsTheRunNamingColumnAndFile() throws IOException {
    Path in = dataset();
    Files.writeString(in.resolve("views_extra.csv"), "platform,post_id,views\nig,p1,5\n");
    RunFailedException e = failingRun(in, "--maxRejectRatio=0.5");
    assertThat(
        e.getMessage(), containsString("views_extra.csv: missing required column observed_at"));
  }

  @Test
  void tooManyRejectsFailsNamingTheTableAndFirstReasons() throws IOException {
    Path in = dataset();
    // 1 of 2 overrides is rejected: 50% > 5%.
    RunFailedException e = failingRun(in);
    assertThat(e.getMessage(), containsString("overrides: 1 of 2 rows rejected"));
    assertThat(e.getMessage(), containsString("unknown entity_id"));
  }
}
