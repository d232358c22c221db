package org.megaphone.read.exports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.read.InputException;
import org.megaphone.read.InputFile;
import org.megaphone.read.TableFiles;

/**
 * Reading a dataset's exports/ folder through the export profiles (D28, D31, D40;
 * runbooks/export-formats.md), with the contract's own posts and views formats as the profiles:
 * their rows follow every rule of a canonical table, rejects name the profile. Times are read in
 * Europe/Helsinki (+02:00, then +03:00 from 2020-03-29).
 */
@ExtendWith(TestPipelineExtension.class)
class ReadExportsTest {
  private static final String HELSINKI = "Europe/Helsinki";

  /** Where {@link ReadExports#sending} sends both posts and views (static: a tag is serialized). */
  private static final TupleTag<String> BOTH = new TupleTag<>() {};

  private static final String POSTS =
      """
      platform,post_id,handle,published_at,likes,exported_at
      IG,p1,@Anna,2020-03-23 10:00,12,2020-04-01T00:00:00Z
      yt,v1,Ben,2020-03-24T09:00:00+02:00,,
      """;
  private static final String VIEWS =
      """
      platform,post_id,observed_at,views
      instagram,p1,2020-03-30T12:00:00Z,100
      youtube,v1,2020-03-31,250
      """;

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static byte[] gzip(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return Files.readAllBytes(file);
  }

  /**
   * A posts export in exports/, a gzipped views export one folder below; and files that are not
   * read: sources.csv, a name that is no export's, a file two folders below. Each of those would
   * stop the run as "not a known export" if it were read.
   */
  private static byte[] exportsFolder(Path exports) throws IOException {
    write(exports.resolve("manual_2020-04-15.csv"), POSTS);
    byte[] views = gzip(exports.resolve("sanna/views_2020-04-15.csv.gz"), VIEWS);
    write(
        exports.resolve("sources.csv"),
        "pattern,platform,handle,exported_at\n*.txt,instagram,anna,\n");
    write(exports.resolve("notes.md"), "# what we downloaded\n");
    write(exports.resolve("a/b/deep.csv"), "not,an,export\n1,2,3\n");
    return views;
  }

  private static PCollection<String> showPosts(PCollectionTuple out) {
    return out.get(ReadExports.POSTS)
        .apply(
            "ShowPosts",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (Post x) ->
                        x.getSource().getFile()
                            + ":"
                            + x.getSource().getLine()
                            + " "
                            + x.key()
                            + "@"
                            + x.getHandle()
                            + " "
                            + Instant.ofEpochMilli(x.getPublishedAt())
                            + " likes="
                            + x.getLikes()
                            + " exported="
                            + (x.getExportedAt() == null
                                ? ""
                                : Instant.ofEpochMilli(x.getExportedAt()))));
  }

  private static PCollection<String> showViews(PCollectionTuple out) {
    return out.get(ReadExports.VIEWS)
        .apply(
            "ShowViews",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (ViewSnapshot v) ->
                        v.getPlatform()
                            + ":"
                            + v.getPostId()
                            + " "
                            + Instant.ofEpochMilli(v.getObservedAt())
                            + " "
                            + v.getViews()));
  }

  private static PCollection<String> showFiles(PCollectionTuple out) {
    return out.get(ReadExports.FILES)
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
                            + f.getRejected()
                            + ":"
                            + f.getCharset()
                            + ":"
                            + f.getProfile()));
  }

  @Test
  void anExportWithoutViewsWarnsNothingAboutAMissingExportDate(TestPipeline p, @TempDir Path dir)
      throws IOException {
    // The contract's posts format feeds no views: without a date in its name, nothing is lost.
    write(
        dir.resolve("exports/manual_additions.csv"),
        "platform,post_id,handle,published_at,likes\ninstagram,p9,anna,2020-03-23 10:00,3\n");
    PCollectionTuple out =
        p.apply(new ReadExports(dir.resolve("exports").toString(), Sources.none(), null, HELSINKI));
    PAssert.that(out.get(ReadExports.WARNINGS)).empty();
    PAssert.that(out.get(ReadExports.REJECTS)).empty();
    // It was read: its post is there (10:00 in Helsinki on 2020-03-23 is 08:00Z).
    PAssert.that(showPosts(out))
        .containsInAnyOrder(
            "exports/manual_additions.csv:2 instagram:p9@anna 2020-03-23T08:00:00Z likes=3 exported=");
    p.run().waitUntilFinish();
  }

  @Test
  void aPostsExportThatWouldGiveViewsButHasNoExportDateSaysItsViewsAreNotUsed(
      TestPipeline p, @TempDir Path dir) throws IOException {
    // 4CAT's export carries view counts; without an export date they have no instant.
    write(
        dir.resolve("exports/tiktok.csv"),
        "id,thread_id,author,body,timestamp,unix_timestamp,likes,comments,shares,plays,tiktok_url\n"
            + "7001,7001,anna,hello,2020-03-23 10:00:00,1584957600,5,1,0,900,"
            + "https://www.tiktok.com/@anna/video/7001\n");
    PCollectionTuple out =
        p.apply(new ReadExports(dir.resolve("exports").toString(), Sources.none(), null, HELSINKI));
    PAssert.that(out.get(ReadExports.WARNINGS))
        .containsInAnyOrder(
            "exports/tiktok.csv: views not used, the export date is unknown; put the date in the file"
                + " name (…_2020-04-15.csv) or an exported_at in exports/sources.csv");
    p.run().waitUntilFinish();
  }

  @Test
  void readsEachExportThroughTheProfileItsHeaderNamesUpToOneFolderDownAndGzipped(
      TestPipeline p, @TempDir Path dir) throws IOException {
    byte[] views = exportsFolder(dir.resolve("exports"));

    PCollectionTuple out =
        p.apply(new ReadExports(dir.resolve("exports").toString(), Sources.none(), null, HELSINKI));

    // Aliases and '@' resolved; local times in Helsinki: 10:00 on 2020-03-23 is 08:00Z, the bare
    // date 2020-03-31 is its 00:00 at +03:00 (after the change to summer time).
    PAssert.that(showPosts(out))
        .containsInAnyOrder(
            "exports/manual_2020-04-15.csv:2 instagram:p1@anna 2020-03-23T08:00:00Z likes=12 exported=2020-04-01T00:00:00Z",
            "exports/manual_2020-04-15.csv:3 youtube:v1@ben 2020-03-24T07:00:00Z likes=0 exported=");
    PAssert.that(showViews(out))
        .containsInAnyOrder(
            "instagram:p1 2020-03-30T12:00:00Z 100", "youtube:v1 2020-03-30T21:00:00Z 250");
    PAssert.that(out.get(ReadExports.REJECTS)).empty();
    PAssert.that(out.get(ReadExports.WARNINGS)).empty();
    PAssert.that(showFiles(out))
        .containsInAnyOrder(
            "posts/exports/manual_2020-04-15.csv:2:0:UTF-8:canonical-posts",
            "views/exports/sanna/views_2020-04-15.csv.gz:2:0:UTF-8:canonical-views");
    // The gzip file's size and checksum are those of its bytes on disk.
    PAssert.that(
            out.get(ReadExports.FILES)
                .apply(
                    "ShowChecksums",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (InputFile f) ->
                                f.getPath() + ":" + f.getBytes() + ":" + f.getSha256())))
        .containsInAnyOrder(
            "exports/manual_2020-04-15.csv:"
                + POSTS.length()
                + ":"
                + TableFiles.sha256(POSTS.getBytes(StandardCharsets.UTF_8)),
            "exports/sanna/views_2020-04-15.csv.gz:"
                + views.length
                + ":"
                + TableFiles.sha256(views));
    p.run().waitUntilFinish();
  }

  @Test
  void rowsBreakingTheContractAreRejectedWithTheProfilesNameAndCountedInTheirFile(
      TestPipeline p, @TempDir Path dir) throws IOException {
    write(
        dir.resolve("exports/posts_2020-04-15.csv"),
        """
        platform,post_id,handle,published_at,likes
        instagram,p1,anna,2020-03-23T10:00:00Z,5
        myspace,p2,bob,2020-03-23T10:00:00Z,1
        instagram,p3,anna,2020-03-23T10:00:00Z,12a
        """);
    write(
        dir.resolve("exports/views_2020-04-15.csv"),
        """
        platform,post_id,observed_at,views
        instagram,p1,2020-03-30T12:00:00Z,100
        instagram,p1,yesterday,5
        """);

    PCollectionTuple out =
        p.apply(new ReadExports(dir.resolve("exports").toString(), Sources.none(), null, HELSINKI));

    PAssert.that(
            out.get(ReadExports.REJECTS)
                .apply(
                    "ShowRejects",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (Reject r) ->
                                r.getFile()
                                    + ":"
                                    + r.getLine()
                                    + ":"
                                    + r.getTable()
                                    + ":"
                                    + r.getReason()
                                    + ":"
                                    + r.getRecord())))
        .containsInAnyOrder(
            "exports/posts_2020-04-15.csv:3:posts:canonical-posts: unknown platform: platform='myspace'"
                + ":myspace,p2,bob,2020-03-23T10:00:00Z,1",
            "exports/posts_2020-04-15.csv:4:posts:canonical-posts: not a non-negative integer: likes='12a'"
                + ":instagram,p3,anna,2020-03-23T10:00:00Z,12a",
            "exports/views_2020-04-15.csv:3:views:canonical-views: unparseable timestamp: observed_at='yesterday'"
                + ":instagram,p1,yesterday,5");
    PAssert.that(showPosts(out))
        .containsInAnyOrder(
            "exports/posts_2020-04-15.csv:2 instagram:p1@anna 2020-03-23T10:00:00Z likes=5 exported=");
    PAssert.that(showViews(out)).containsInAnyOrder("instagram:p1 2020-03-30T12:00:00Z 100");
    // Rows read = accepted + rejected, per file and table (D11, D28).
    PAssert.that(showFiles(out))
        .containsInAnyOrder(
            "posts/exports/posts_2020-04-15.csv:3:2:UTF-8:canonical-posts",
            "views/exports/views_2020-04-15.csv:2:1:UTF-8:canonical-views");
    p.run().waitUntilFinish();
  }

  @Test
  void sendingPutsThePostsAndViewsOnTheOneOutputGivenThroughTheirFunctions(
      TestPipeline p, @TempDir Path dir) throws IOException {
    exportsFolder(dir.resolve("exports"));

    PCollectionTuple out =
        p.apply(
            new ReadExports(dir.resolve("exports").toString(), Sources.none(), null, HELSINKI)
                .sending(
                    BOTH,
                    StringUtf8Coder.of(),
                    (Post x) -> "post " + x.key(),
                    (ViewSnapshot v) ->
                        "view " + v.getPlatform() + ":" + v.getPostId() + " " + v.getViews()));

    PAssert.that(out.get(BOTH))
        .containsInAnyOrder(
            "post instagram:p1", "post youtube:v1", "view instagram:p1 100", "view youtube:v1 250");
    PAssert.that(out.get(ReadExports.REJECTS)).empty();
    PAssert.that(showFiles(out))
        .containsInAnyOrder(
            "posts/exports/manual_2020-04-15.csv:2:0:UTF-8:canonical-posts",
            "views/exports/sanna/views_2020-04-15.csv.gz:2:0:UTF-8:canonical-views");
    p.run().waitUntilFinish();
  }

  @Test
  void aFileNoProfileRecognisesStopsTheRunNamingItsHeader(TestPipeline p, @TempDir Path dir)
      throws IOException {
    write(dir.resolve("exports/mystery.csv"), "Tweet id,Tweet text,when\n1,hi,today\n");
    p.apply(new ReadExports(dir.resolve("exports").toString(), Sources.none(), null, HELSINKI));

    Throwable failure = assertThrows(Throwable.class, () -> p.run().waitUntilFinish());
    while (failure.getCause() != null && !(failure instanceof InputException)) {
      failure = failure.getCause();
    }
    assertThat(failure, instanceOf(InputException.class));
    assertThat(
        failure.getMessage(),
        startsWith(
            "exports/mystery.csv: not a known export; header found: tweet id,tweet text,when; closest profile: "));
  }
}
