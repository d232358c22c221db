package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.reports.Report;

/**
 * testdata/exports-mix (native exports only) and testdata/exports-mix-canonical (the same data in
 * the contract's format) give the same reports.
 */
class ExportsMixTest {

  @Test
  void nativeExportsGiveTheSameReportsAsTheSameDataInCanonicalForm(@TempDir Path tmp)
      throws IOException {
    sameReports(
        tmp,
        "exports-mix",
        "exports-mix-canonical",
        List.of(
            Report.ENTITIES_WEEKLY.file(),
            Report.PLATFORMS_WEEKLY.file(),
            Report.BULLETIN_UPTAKE.file(),
            Report.POSTS_ATTRIBUTED.file(),
            Report.CHANNEL_GROWTH.file(),
            Report.THEMES_WEEKLY.file(),
            Report.CLAIMS_WEEKLY.file(),
            Report.TOP_POSTS_WEEKLY.file()));
    String rejects = Files.readString(tmp.resolve("exports-mix").resolve(Report.REJECTS.file()));
    assertThat(
        rejects,
        containsString(
            "exports/IG_export_2020-04-15.csv,4,posts,meta-instagram: not a count: likes='12a'"));
    assertThat(
        rejects,
        containsString(
            "exports/tiktok-studio/Content.csv,3,posts,tiktok-studio: missing required field: video link"));
  }

  /**
   * Runs the report on two testdata sets (into tmp/&lt;set&gt;, Europe/Helsinki, every other option
   * at its default) and asserts that the named reports are equal byte for byte.
   */
  static void sameReports(Path tmp, String nativeSet, String canonicalSet, List<String> reports)
      throws IOException {
    for (String dataset : List.of(nativeSet, canonicalSet)) {
      ReportRun.run(
          Megaphone.parse(
              new String[] {
                "--input=" + Paths.get("..", "testdata", dataset),
                "--output=" + tmp.resolve(dataset),
                "--timezone=Europe/Helsinki"
              }));
    }
    for (String report : reports) {
      assertThat(
          report,
          Files.readString(tmp.resolve(nativeSet).resolve(report)),
          equalTo(Files.readString(tmp.resolve(canonicalSet).resolve(report))));
    }
  }
}
