package org.megaphone.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files an --input names, listed once per run. */
class InputFilesTest {
  private static List<String> names(InputFiles files) throws IOException {
    return files.list().stream().map(Locations.Entry::name).toList();
  }

  @Test
  void aFolderIsListedRecursivelyInPathOrderWithoutExportsHiddenOrExcludedFolders(@TempDir Path dir)
      throws IOException {
    for (String f :
        List.of(
            "posts.csv",
            "2020/04/posts-2020-04-01.csv.gz",
            "accounts.csv",
            "exports/sanna_2020-04-15.csv",
            ".cache/posts.csv",
            "out/posts_attributed.csv")) {
      Files.createDirectories(dir.resolve(f).getParent());
      Files.writeString(dir.resolve(f), "x\n");
    }
    InputFiles files = InputFiles.of(dir.toString()).excluding(dir.resolve("out").toString());
    assertThat(
        names(files),
        equalTo(List.of("2020/04/posts-2020-04-01.csv.gz", "accounts.csv", "posts.csv")));
  }

  @Test
  void oneInputFilesIsListedOnceSoEveryReaderOfARunSeesTheSameFiles(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("posts.csv"), "x\n");
    InputFiles files = InputFiles.of(dir.toString());
    assertThat(names(files), equalTo(List.of("posts.csv")));
    // A file arriving while the run goes on is not seen by that run's later readers...
    Files.writeString(dir.resolve("accounts.csv"), "x\n");
    assertThat(names(files), equalTo(List.of("posts.csv")));
    // ...and is by the next run's listing.
    assertThat(names(InputFiles.of(dir.toString())), equalTo(List.of("accounts.csv", "posts.csv")));
  }

  @Test
  void aFolderInAStoreIsMatchedRecursivelyAndNamedRelativeToIt() {
    InputFiles files = InputFiles.of("s3://bucket/campaigns/2020/");
    assertThat(files.root(), equalTo("s3://bucket/campaigns/2020"));
    assertThat(files.pattern(), equalTo("s3://bucket/campaigns/2020/**"));
    assertThat(files.name("s3://bucket/campaigns/2020/04/posts.csv"), equalTo("04/posts.csv"));
    assertThat(files.accepts("s3://bucket/campaigns/2020/04/posts.csv"), equalTo(true));
    assertThat(files.accepts("s3://bucket/campaigns/2020/.trash/posts.csv"), equalTo(false));
    assertThat(files.accepts("s3://bucket/campaigns/2020/exports/ig.csv"), equalTo(false));
    assertThat(files.insideInput("s3://bucket/campaigns/2020/04/posts.csv"), equalTo(true));
  }

  @Test
  void aGlobInAStoreHasTheFolderBeforeItsFirstWildcardAsRoot() {
    InputFiles files = InputFiles.of("s3://bucket/archive/2020/*/posts-*.csv.gz");
    assertThat(files.root(), equalTo("s3://bucket/archive/2020"));
    assertThat(files.pattern(), equalTo("s3://bucket/archive/2020/*/posts-*.csv.gz"));
    assertThat(
        files.name("s3://bucket/archive/2020/04/posts-1.csv.gz"), equalTo("04/posts-1.csv.gz"));
  }

  @Test
  void anOutputInsideAStoreInputIsExcludedByItsPrefix() {
    InputFiles files = InputFiles.of("s3://bucket/data").excluding("s3://bucket/data/reports/");
    assertThat(files.accepts("s3://bucket/data/reports/runs/r1/rejects.csv"), equalTo(false));
    assertThat(files.accepts("s3://bucket/data/reports-old/posts.csv"), equalTo(true));
  }
}
