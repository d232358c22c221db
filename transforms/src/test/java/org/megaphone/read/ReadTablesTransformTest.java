package org.megaphone.read;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.model.Account;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;

@ExtendWith(TestPipelineExtension.class)
class ReadTablesTransformTest {

  @Test
  void readsEveryMatchingFileOfEachTableIncludingGzipAndIgnoresOtherNames(
      TestPipeline p, @TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("posts.csv"),
        "platform,post_id,handle,published_at\nig,p1,@Anna,2020-03-23\nmyspace,p2,x,2020-03-23\n",
        StandardCharsets.UTF_8);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("posts_b.csv.gz")))) {
      out.write(
          "\uFEFFPOST_ID;Platform;Handle;Published_At\r\np3;yt;ben;2020-03-24 10:00\r\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("posts.txt"), "not,a,table\n");
    Files.writeString(dir.resolve("accounts.csv"), "platform,handle,entity_id,role\nx,@Ben,ben,mayor\n");

    Table<Post> posts = Tables.posts("UTC");
    Table<Account> accounts = Tables.accounts();
    ReadTables read = new ReadTables(dir.toString(), List.of(accounts, posts, Tables.views("UTC")));
    PCollectionTuple out = p.apply(read);

    PAssert.that(
            out.get(read.rows(posts))
                .apply(
                    "ShowPosts",
                    MapElements.into(TypeDescriptors.strings()).via((Post x) -> x.key() + "@" + x.getHandle())))
        .containsInAnyOrder("instagram:p1@anna", "youtube:p3@ben");
    PAssert.that(
            out.get(read.rows(accounts))
                .apply(
                    "ShowAccounts",
                    MapElements.into(TypeDescriptors.strings()).via((Account a) -> a.getPlatform() + "@" + a.getHandle())))
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
                        .via((InputFile f) -> f.getTable() + "/" + f.getPath() + ":" + f.getRows() + ":" + f.getRejected())))
        .containsInAnyOrder("accounts/accounts.csv:1:0", "posts/posts.csv:2:1", "posts/posts_b.csv.gz:1:0");
    p.run().waitUntilFinish();
  }
}
