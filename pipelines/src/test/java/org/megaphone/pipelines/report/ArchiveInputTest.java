package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.testing.MiniDataset;

/**
 * An archive in nested folders, read recursively or through a glob, gives the reports of the same
 * files laid out flat; rejects name files by their path in the archive.
 */
class ArchiveInputTest {
  @TempDir Path tmp;
  private Path flat;
  private Path archive;

  @BeforeEach
  void layOut() throws IOException {
    flat = MiniDataset.write(tmp.resolve("flat"));
    archive = tmp.resolve("archive");
    Files.createDirectories(archive.resolve("config"));
    Files.createDirectories(archive.resolve("2020/03"));
    Files.createDirectories(archive.resolve("2020/04"));
    for (String f : List.of("accounts.csv", "bulletins.csv", "followers.csv", "overrides.csv")) {
      Files.copy(flat.resolve(f), archive.resolve("config").resolve(f));
    }
    Files.copy(flat.resolve("posts_old.csv.gz"), archive.resolve("2020/03/posts_old.csv.gz"));
    Files.copy(flat.resolve("posts.csv"), archive.resolve("2020/04/posts.csv"));
    Files.copy(flat.resolve("views.csv"), archive.resolve("2020/04/views.csv"));
    // Not data: a hidden folder and a native-export folder name that would otherwise match.
    Files.createDirectories(archive.resolve(".trash"));
    Files.writeString(archive.resolve(".trash/posts.csv"), "platform,post_id\nx,y\n");
  }

  private Path report(String input, Path output) {
    return ReportRun.run(
            Megaphone.parse(
                new String[] {
                  "--input=" + input,
                  "--output=" + output,
                  "--timezone=Europe/Helsinki",
                  "--maxRejectRatio=0.6"
                }))
        .output();
  }

  private static List<String> column(Path rejects, int column) throws IOException {
    List<String> values = new ArrayList<>();
    for (String line : Files.readAllLines(rejects, StandardCharsets.UTF_8)) {
      values.add(line.split(",", -1)[column]);
    }
    return values;
  }

  private void assertSameReportsAsFlat(Path out) throws IOException {
    Path expected = report(flat.toString(), tmp.resolve("flat-out"));
    for (String file :
        List.of(
            "entities_weekly.csv",
            "bulletin_uptake.csv",
            "platforms_weekly.csv",
            "channel_growth.csv",
            "posts_attributed.csv")) {
      assertThat(
          file,
          Files.readString(out.resolve(file)),
          equalTo(Files.readString(expected.resolve(file))));
    }
    assertThat(
        "the same rejected lines",
        column(out.resolve("rejects.csv"), 1).size(),
        equalTo(column(expected.resolve("rejects.csv"), 1).size()));
  }

  @Test
  void aFolderIsReadRecursivelyAndItsOwnReportsInsideItAreNotReadBack() throws IOException {
    Path out = report(archive.toString(), archive.resolve("reports"));
    assertSameReportsAsFlat(out);
    // A second run with the reports inside the input: posts_attributed.csv is not read as posts.
    assertSameReportsAsFlat(report(archive.toString(), archive.resolve("reports")));
    assertThat(
        "rejects name files by their path in the archive",
        column(out.resolve("rejects.csv"), 0).stream()
                .filter(f -> f.startsWith("2020/04/posts.csv"))
                .count()
            > 0,
        equalTo(true));
  }

  @Test
  void aGlobReadsTheFilesItMatches() throws IOException {
    Path out = report(archive + "/**/*.csv*", tmp.resolve("glob-out"));
    assertSameReportsAsFlat(out);
  }
}
