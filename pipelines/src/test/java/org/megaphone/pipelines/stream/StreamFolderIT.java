package org.megaphone.pipelines.stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.options.StreamOptions;
import org.megaphone.pipelines.testing.SameWeek;
import org.megaphone.rules.Weeks;

/**
 * The folder-drop stream: files dropped one after another update the live reports; a file still
 * being written (under another name) is never read.
 */
class StreamFolderIT {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /** Waits, within a bound, until the file exists and satisfies the condition. */
  private static String await(Path file, Predicate<String> ready, long seconds) throws Exception {
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (ready.test(text)) {
          System.err.printf(
              "%s ready after %.1f s%n", file.getFileName(), (System.nanoTime() - start) / 1e9);
          return text;
        }
      }
      Thread.sleep(250);
    }
    System.err.println(
        "timed out waiting for "
            + file
            + "; last content:\n"
            + (Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(none)"));
    throw new AssertionError(file + " did not reach the expected content within " + seconds + " s");
  }

  private static void drop(Path inbox, String name, String content) throws IOException {
    Path part = inbox.resolve(name + ".part");
    Files.writeString(part, content, StandardCharsets.UTF_8);
    Files.move(part, inbox.resolve(name));
  }

  @Test
  @Timeout(600)
  void droppedFilesUpdateTheLiveReportsAndHalfWrittenFilesAreNotRead(@TempDir Path tmp)
      throws Exception {
    scenario(tmp);
  }

  /** Drops files one after another into a watched folder and follows the live reports. */
  static void scenario(Path tmp, String... runnerArgs) throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    Path live = tmp.resolve("live");
    Files.writeString(
        inbox.resolve("accounts.csv"),
        "platform,handle,entity_id,entity_name,role\ninstagram,anna_k,anna,Anna,influencer\n");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String published = ISO.format(SameWeek.publishedBefore(now).atOffset(ZoneOffset.UTC));
    String week = Weeks.label(SameWeek.publishedBefore(now).toEpochMilli(), ZoneOffset.UTC);
    Path report = live.resolve(week).resolve("entities_weekly.csv");

    List<String> args =
        new ArrayList<>(
            List.of(
                "--input=" + inbox,
                "--output=" + live,
                "--timezone=UTC",
                "--earlyFiring=PT1S",
                "--pollInterval=PT1S",
                "--blockOnRun=false"));
    args.addAll(List.of(runnerArgs));
    StreamOptions options =
        PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).as(StreamOptions.class);
    PipelineResult result = StreamPipeline.start(options);
    try {
      // Still being written: must not be read.
      Files.writeString(
          inbox.resolve("posts_1.csv.part"),
          "platform,post_id,handle,published_at,likes\ninstagram,p1,anna_k," + published + ",10\n");
      Thread.sleep(4000);
      assertThat(Files.exists(report), is(false));

      Files.move(inbox.resolve("posts_1.csv.part"), inbox.resolve("posts_1.csv"));
      String first = await(report, t -> t.contains(week + ",anna,Anna,influencer,,,1,0,10,"), 180);
      assertThat(first, containsString(",0,"));

      drop(
          inbox,
          "views_1.csv",
          "platform,post_id,observed_at,views\ninstagram,p1,"
              + ISO.format(now.atOffset(ZoneOffset.UTC))
              + ",250\n");
      await(report, t -> t.contains(week + ",anna,Anna,influencer,,,1,0,10,0,0,0,10,250,"), 180);

      drop(
          inbox,
          "posts_2.csv",
          "platform,post_id,handle,published_at,likes\ninstagram,p2,anna_k,"
              + published
              + ",5\nmyspace,p3,x,"
              + published
              + ",1\n");
      await(report, t -> t.contains(week + ",anna,Anna,influencer,,,2,0,15,0,0,0,15,250,"), 180);
      await(
          live.resolve("rejects").resolve("rejects.csv"),
          t -> t.contains("posts_2.csv,3,posts,unknown platform"),
          60);

      // Data from 2020 is far past --allowedLateness (P14D): rejected with its reason, where
      // the weekly windows used to drop it without a word.
      drop(
          inbox,
          "posts_2020.csv",
          "platform,post_id,handle,published_at,likes\ninstagram,old1,anna_k,2020-04-01T10:00:00Z,7\n");
      await(
          live.resolve("rejects").resolve("rejects.csv"),
          t ->
              t.contains(
                  "posts_2020.csv,2,posts,\"later than --allowedLateness=P14D: its week 2020-W14 ended"),
          60);
      assertThat(Files.exists(live.resolve("2020-W14")), is(false));
    } finally {
      result.cancel();
    }
  }
}
