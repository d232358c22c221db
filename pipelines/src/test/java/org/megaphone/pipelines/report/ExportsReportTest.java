package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.run.RunFailedException;
import org.megaphone.pipelines.testing.MiniDataset;

/** Native exports next to canonical tables: one set of rules for both. */
class ExportsReportTest {
  private static final String META_HEADER =
      "\"Post ID\",\"Account ID\",\"Account username\",\"Account name\",Description,\"Duration (sec)\","
          + "\"Publish time\",Permalink,\"Post type\",\"Data comment\",Date,Views,Reach,Likes,Shares,"
          + "Follows,Comments,Saves\n";

  private static Path run(Path in, Path out) {
    ReportRun.run(
        Megaphone.parse(
            new String[] {
              "--input=" + in,
              "--output=" + out,
              "--timezone=Europe/Helsinki",
              "--maxRejectRatio=0.5"
            }));
    return out;
  }

  @Test
  void laterExportOfACanonicalPostWinsAndItsViewsBecomeASnapshot(@TempDir Path tmp)
      throws IOException {
    Path in = MiniDataset.write(tmp.resolve("in"));
    Files.createDirectories(in.resolve("exports"));
    Files.writeString(
        in.resolve("exports/anna_k_IG_2020-04-20.csv"),
        "\uFEFF"
            + META_HEADER
            + "p1,1784,anna_k,\"Anna K\",\"Pese kädet! #CoronaFacts\",0,\"03/23/2020 12:00\","
            + "https://www.instagram.com/p/p1/,\"IG image\",,Lifetime,500,400,150,6,0,12,7\n"
            + "p9,1784,anna_k,\"Anna K\",\"Uusi postaus\",0,\"04/14/2020 08:00\","
            + "https://www.instagram.com/p/p9/,\"IG image\",,Lifetime,40,30,4,0,0,0,0\n",
        StandardCharsets.UTF_8);

    Path out = run(in, tmp.resolve("out"));

    String posts = Files.readString(out.resolve("posts_attributed.csv"));
    // 150 + 12 + 6 + 7 from the export of 2020-04-20, not the canonical row of 2020-03-30;
    // views: the canonical snapshots peak at 300, the export's 500 adds 200.
    assertThat(
        posts,
        containsString(
            "instagram,p1,2020-W13,anna_k,anna,author,true,B1,175,500,health_guidance\n"));
    assertThat(posts, containsString("instagram,p9,2020-W16,anna_k,anna,author,false,,4,40,\n"));
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(
        summary.get("inputs").get("tables").get("posts").get("duplicates").asLong(), equalTo(2L));
    assertThat(
        summary.get("inputs").get("files").toString(),
        containsString("\"path\":\"exports/anna_k_IG_2020-04-20.csv\",\"table\":\"posts\""));
    assertThat(
        summary.get("inputs").get("files").toString(),
        containsString("\"profile\":\"meta-instagram\""));
  }

  @Test
  void unknownFileInExportsStopsTheRunListingTheProfiles(@TempDir Path tmp) throws IOException {
    Path in = MiniDataset.write(tmp.resolve("in"));
    Files.createDirectories(in.resolve("exports"));
    Files.writeString(in.resolve("exports/notes.csv"), "what,when\nmeeting,monday\n");

    RunFailedException e =
        assertThrows(RunFailedException.class, () -> run(in, tmp.resolve("out")));

    assertThat(e.getMessage(), containsString("exports/notes.csv: not a known export"));
    assertThat(e.getMessage(), containsString("header found: what,when"));
    assertThat(e.getMessage(), containsString("youtube-studio-table"));
  }

  @Test
  void repairedRecordsOfATikTokExportAreCountedForTheFileInSummaryAndWarnedOnce(@TempDir Path tmp)
      throws IOException {
    Path in = MiniDataset.write(tmp.resolve("in"));
    Path fixture =
        Path.of(
            "..",
            "transforms",
            "src",
            "test",
            "resources",
            "exports",
            "quirks",
            "tiktok-studio-unescaped-quotes");
    Files.createDirectories(in.resolve("exports"));
    Files.copy(fixture.resolve("Content.csv"), in.resolve("exports/Content.csv"));
    Files.copy(fixture.resolve("sources.csv"), in.resolve("exports/sources.csv"));

    Path out = run(in, tmp.resolve("out"));

    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    JsonNode tiktokPosts = null;
    for (JsonNode f : summary.get("inputs").get("files")) {
      if (f.get("path").asText().equals("exports/Content.csv")
          && f.get("table").asText().equals("posts")) {
        tiktokPosts = f;
      } else {
        // Every other entry, canonical or the export's views, has nothing adjusted.
        assertThat(f.get("path").asText(), f.get("adjustments").size(), equalTo(0));
      }
    }
    assertThat(tiktokPosts.get("adjustments").toString(), equalTo("{\"repaired_records\":3}"));
    assertThat(tiktokPosts.get("number_format").asText(), equalTo("1,234"));
    assertThat(tiktokPosts.get("rows_rejected").asLong(), equalTo(1L));
    long warned = 0;
    for (JsonNode w : summary.get("warnings")) {
      if (w.asText().startsWith("exports/Content.csv: 3 record(s) with unescaped quotes")) {
        warned++;
      }
    }
    assertThat(warned, equalTo(1L));
  }

  @Test
  void anAmbiguousZoneAbbreviationInAnExportStopsTheRunWithWhatToSet(@TempDir Path tmp)
      throws IOException {
    Path in = MiniDataset.write(tmp.resolve("in"));
    String name = "2021-05-26-18-45-58-IST-Historical-Report-mohfw-2021-05-01--2021-05-26.csv";
    Files.createDirectories(in.resolve("exports"));
    Files.copy(
        Path.of(
            "..",
            "transforms",
            "src",
            "test",
            "resources",
            "exports",
            "quirks",
            "crowdtangle-ist-ambiguous",
            name),
        in.resolve("exports").resolve(name));

    RunFailedException e =
        assertThrows(RunFailedException.class, () -> run(in, tmp.resolve("out")));

    assertThat(
        e.getMessage(),
        containsString("exports/" + name + ": post created='2021-05-20 10:00:00 IST'"));
    assertThat(e.getMessage(), containsString("set the zone column of exports/sources.csv"));
    assertThat(Files.exists(tmp.resolve("out").resolve("summary.json")), equalTo(false));
  }
}
