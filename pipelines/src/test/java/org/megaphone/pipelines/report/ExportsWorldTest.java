package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.reports.Report;

/**
 * testdata/exports-world (exports as analysts download them: unescaped quotes, net counts,
 * Brazilian and Indian CrowdTangle zones, German and Swedish UI languages) and
 * testdata/exports-world-canonical (the same rows in the contract's format) give the same reports.
 */
class ExportsWorldTest {

  @Test
  void exportsWithRealQuirksZonesAndLanguagesGiveTheSameReportsAsTheirCanonicalTwin(
      @TempDir Path tmp) throws IOException {
    ExportsMixTest.sameReports(
        tmp,
        "exports-world",
        "exports-world-canonical",
        List.of(
            Report.ENTITIES_WEEKLY.file(),
            Report.PLATFORMS_WEEKLY.file(),
            Report.BULLETIN_UPTAKE.file(),
            Report.POSTS_ATTRIBUTED.file(),
            Report.THEMES_WEEKLY.file(),
            Report.CLAIMS_WEEKLY.file(),
            Report.TOP_POSTS_WEEKLY.file(),
            Report.REJECTS.file()));
    // 28 native post rows of 20 posts (a TikTok and a YouTube export each seen twice), every one
    // attributed to its account's entity.
    List<String> posts =
        Files.readAllLines(tmp.resolve("exports-world").resolve(Report.POSTS_ATTRIBUTED.file()));
    assertThat(posts.size() - 1, equalTo(20));
    assertThat(posts.stream().filter(l -> l.contains(",author,")).count(), equalTo(20L));
    // What was adjusted on the way, file by file.
    JsonNode summary =
        new ObjectMapper().readTree(tmp.resolve("exports-world").resolve("summary.json").toFile());
    Map<String, String> adjusted = new TreeMap<>();
    for (JsonNode f : summary.get("inputs").get("files")) {
      if (f.get("adjustments").size() > 0) {
        adjusted.put(f.get("path").asText(), f.get("adjustments").toString());
      }
    }
    assertThat(
        adjusted,
        equalTo(
            Map.of(
                "exports/tiktok-studio/Content.csv", "{\"repaired_records\":3}",
                "exports/valtioneuvosto-range/Table data.csv", "{\"net_counts_read_as_zero\":2}")));
  }
}
