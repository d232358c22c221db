package org.megaphone.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.model.Account;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;
import org.megaphone.model.ViewSnapshot;

@ExtendWith(TestPipelineExtension.class)
class ReadTablesTransformTest {

  @Test
  void readsEveryMatchingFileOfEachTableIncludingGzipAndIgnoresOtherNames(
      TestPipeline p, @TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("posts.csv"),
        "platform,post_id,handle,published_at\nig,p1,@Anna,2020-03-23\nmyspace,p2,x,2020-03-23\n",
        StandardCharsets.UTF_8);
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("posts_b.csv.gz")))) {
      out.write(
          "\uFEFFPOST_ID;Platform;Handle;Published_At\r\np3;yt;ben;2020-03-24 10:00\r\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("posts.txt"), "not,a,table\n");
    Files.writeString(
        dir.resolve("accounts.csv"), "platform,handle,entity_id,role\nx,@Ben,ben,mayor\n");

    Table<Post> posts = Tables.posts("UTC");
    Table<Account> accounts = Tables.accounts();
    ReadTables read = new ReadTables(dir.toString(), List.of(accounts, posts, Tables.views("UTC")));
    PCollectionTuple out = p.apply(read);

    PAssert.that(
            out.get(read.rows(posts))
                .apply(
                    "ShowPosts",
                    MapElements.into(TypeDescriptors.strings())
                        .via((Post x) -> x.key() + "@" + x.getHandle())))
        .containsInAnyOrder("instagram:p1@anna", "youtube:p3@ben");
    PAssert.that(
            out.get(read.rows(accounts))
                .apply(
                    "ShowAccounts",
                    MapElements.into(TypeDescriptors.strings())
                        .via((Account a) -> a.getPlatform() + "@" + a.getHandle())))
        .containsInAnyOrder("x@ben");
    PAssert.that(
            out.get(ReadTables.REJECTS)
                .apply(
                    "ShowRejects",
                    MapElements.into(TypeDescriptors.strings())
                        .via((Reject r) -> r.getFile() + ":" + r.getLine() + ":" + r.getReason())))
        .containsInAnyOrder("posts.csv:3:unknown platform: platform='myspace'");
    PAssert.that(
            out.get(ReadTables.FILES)
                .apply(
                    "ShowFiles",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (InputFile f) ->
                                f.getTable()
                                    + "/"
                                    + f.getPath()
                                    + ":"
                                    + f.getRows()
                                    + ":"
                                    + f.getRejected())))
        .containsInAnyOrder(
            "accounts/accounts.csv:1:0", "posts/posts.csv:2:1", "posts/posts_b.csv.gz:1:0");
    p.run().waitUntilFinish();
  }

  /** A views file of {@code good} snapshots, then {@code bad} lines of one field (malformed). */
  private static byte[] viewsFile(int good, int bad) {
    StringBuilder text = new StringBuilder("platform,post_id,observed_at,views\n");
    for (int i = 0; i < good; i++) {
      text.append("tiktok,")
          .append(6_869_046_342_586_820_147L - i)
          .append(",2020-03-19T06:01:11+02:00,")
          .append(i)
          .append('\n');
    }
    text.append("x\n".repeat(bad));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aLargeFileReadInPartsOnSeveralWorkersGivesEveryRowOnceAndTheWholeFilesSizeAndChecksum(
      TestPipeline p, @TempDir Path dir) throws IOException {
    byte[] file = viewsFile(200_000, 3); // 10 MB: three parts or more
    Files.write(dir.resolve("views.csv"), file);
    Table<ViewSnapshot> views = Tables.views("UTC");
    ReadTables read = new ReadTables(dir.toString(), List.of(views));
    PCollectionTuple out = p.apply(read);

    PAssert.that(out.get(read.rows(views)).apply("CountRows", Count.globally()))
        .containsInAnyOrder(200_000L);
    PAssert.that(
            out.get(ReadTables.REJECTS)
                .apply(
                    "ShowRejects",
                    MapElements.into(TypeDescriptors.strings())
                        .via((Reject r) -> r.getFile() + ":" + r.getLine())))
        .containsInAnyOrder("views.csv:200002", "views.csv:200003", "views.csv:200004");
    PAssert.that(
            out.get(ReadTables.FILES)
                .apply(
                    "ShowFiles",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (InputFile f) ->
                                f.getPath()
                                    + ":"
                                    + f.getBytes()
                                    + ":"
                                    + f.getSha256()
                                    + ":"
                                    + f.getRows()
                                    + ":"
                                    + f.getRejected())))
        .containsInAnyOrder(
            "views.csv:" + file.length + ":" + TableFiles.sha256(file) + ":200003:3");
    p.run().waitUntilFinish();
    long parts;
    try (InputStream in = Files.newInputStream(dir.resolve("views.csv"))) {
      parts =
          FileSplits.plan(in, ',', ReadTables.PART_BYTES, TableFiles.NOT_A_TABLE_AFTER)
              .splits()
              .size();
    }
    MatcherAssert.assertThat(parts, Matchers.greaterThan(2L));
  }

  @Test
  void aFileWhoseLaterPartMakesItNinetyPercentMalformedStopsTheRunWithTheMessageOfReadingItWhole(
      TestPipeline p, @TempDir Path dir) throws IOException {
    // 150,001 good records, then 1,400,000 malformed: whole, the rule holds at record 1,500,010.
    byte[] file = viewsFile(150_001, 1_400_000);
    Files.write(dir.resolve("views.csv"), file);
    String whole =
        Assertions.assertThrows(
                InputException.class,
                () ->
                    TableFiles.parse(
                        Tables.views("UTC"),
                        "views.csv",
                        new String(file, StandardCharsets.UTF_8),
                        r -> {},
                        r -> {}))
            .getMessage();
    MatcherAssert.assertThat(whole, Matchers.containsString("of its first 1500010 records"));
    p.apply(new ReadTables(dir.toString(), List.of(Tables.views("UTC"))));
    Throwable failure = Assertions.assertThrows(Throwable.class, () -> p.run().waitUntilFinish());
    while (failure.getCause() != null && !(failure instanceof InputException)) {
      failure = failure.getCause();
    }
    MatcherAssert.assertThat(failure.getMessage(), Matchers.is(whole));
  }
}
