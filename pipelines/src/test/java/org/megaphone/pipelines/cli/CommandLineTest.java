package org.megaphone.pipelines.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.archive.Generate;
import org.megaphone.pipelines.testing.MiniDataset;
import org.megaphone.pipelines.testing.Testdata;

/** Exit codes and messages of the command line (no pipeline runs here except where stated). */
class CommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Megaphone.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsEveryOptionWithDescriptionAndDefault() {
    assertThat(run("report", "--help"), equalTo(0));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option :
        new String[] {
          "--input",
          "--output",
          "--timezone",
          "--bulletinWindow",
          "--campaignTags",
          "--maxRejectRatio"
        }) {
      assertThat(help, containsString(option + "="));
    }
    assertThat(help, containsString("Default: UTC"));
    assertThat(help, containsString("Default: P7D"));
    assertThat(help, containsString("Default: 0.05"));
  }

  @Test
  void benchFromTheJarSaysItRunsFromTheBenchmarkModule() {
    assertThat(run("bench", "--scale=1"), equalTo(2));
    assertThat(stderr(), containsString("./megaphone bench"));
  }

  @Test
  void unknownOptionIsAUsageErrorOnOneLine() {
    assertThat(run("report", "--input=x", "--output=y", "--colour=blue"), equalTo(2));
    assertThat(stderr(), containsString("unknown option --colour"));
    assertThat(stderr().strip().lines().count(), equalTo(1L));
  }

  @Test
  void missingInputOptionIsAUsageError() {
    assertThat(run("report", "--output=y"), equalTo(2));
    assertThat(stderr(), containsString("missing required option --input"));
  }

  @Test
  void inputFolderThatDoesNotExistIsAUsageError(@TempDir Path tmp) {
    assertThat(
        run("report", "--input=" + tmp.resolve("nope"), "--output=" + tmp.resolve("out")),
        equalTo(2));
    assertThat(stderr(), containsString("no such folder"));
  }

  @Test
  void credentialsGivenAsAnOptionAreRefusedWithoutBeingEchoed(@TempDir Path tmp)
      throws IOException {
    MiniDataset.write(tmp.resolve("in"));
    assertThat(
        run(
            "report",
            "--input=" + tmp.resolve("in"),
            "--output=s3://bucket/reports",
            "--awsRegion=us-east-1",
            "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\","
                + "\"accessKeyId\":\"AKIAEXAMPLE\",\"secretAccessKey\":\"not-a-real-secret\"}"),
        equalTo(2));
    assertThat(stderr(), containsString("AWS default chain"));
    assertThat(stderr(), not(containsString("not-a-real-secret")));
    // Malformed JSON, which Beam's parser would print whole, is refused before it reads it.
    for (String command : List.of("report", "weekly", "verify", "rerun")) {
      assertThat(
          command,
          run(
              command,
              "--manifest=s3://bucket/reports",
              "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\","
                  + "\"accessKeyId\":\"AKIAEXAMPLE\",\"secretAccesKey\":\"not-a-real-secret\""),
          equalTo(2));
      assertThat(stderr(), not(containsString("not-a-real-secret")));
    }
  }

  @Test
  void theStreamRefusesAStoreFolderAndSaysWhy(@TempDir Path tmp) throws IOException {
    MiniDataset.write(tmp.resolve("in"));
    assertThat(
        run("stream", "--input=s3://bucket/inbox", "--output=" + tmp.resolve("live")), equalTo(2));
    assertThat(stderr(), containsString("not an object store"));
    assertThat(stderr(), containsString("Kafka"));
    assertThat(
        run("stream", "--input=" + tmp.resolve("in"), "--output=s3://bucket/live"), equalTo(2));
    assertThat(stderr(), containsString("--output=s3://bucket/live"));
  }

  @Test
  void unknownTimeZoneIsAUsageError(@TempDir Path tmp) throws IOException {
    MiniDataset.write(tmp.resolve("in"));
    assertThat(
        run(
            "report",
            "--input=" + tmp.resolve("in"),
            "--output=" + tmp.resolve("out"),
            "--timezone=Mars/Olympus"),
        equalTo(2));
    assertThat(stderr(), containsString("--timezone"));
  }

  @Test
  void streamStopAfterIdleMustBeADurationForAFolderOnFlink(@TempDir Path tmp) throws IOException {
    MiniDataset.write(tmp.resolve("in"));
    String in = "--input=" + tmp.resolve("in");
    String live = "--output=" + tmp.resolve("live");
    assertThat(run("stream", in, live, "--stopAfterIdle=soon"), equalTo(2));
    assertThat(stderr(), containsString("--stopAfterIdle=soon: not an ISO-8601 duration"));
    assertThat(
        run("stream", in, live, "--stopAfterIdle=PT30S", "--kafkaBootstrap=127.0.0.1:9"),
        equalTo(2));
    assertThat(stderr(), containsString("--stopAfterIdle ends a folder watch"));
    assertThat(run("stream", in, live, "--stopAfterIdle=PT30S"), equalTo(2));
    assertThat(
        stderr(),
        containsString(
            "--stopAfterIdle needs --runner=FlinkRunner (--flinkMaster=[local] runs it in this process), not DirectRunner"));
    assertThat(run("stream", in, live, "--stopAfterIdle=PT0S", "--runner=FlinkRunner"), equalTo(2));
    assertThat(stderr(), containsString("--stopAfterIdle must be longer than zero"));
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run("publish"), equalTo(2));
    assertThat(stderr(), containsString("unknown command"));
  }

  @Test
  void folderWithoutPostsFailsTheRunWithExitOne(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("in"));
    Files.writeString(tmp.resolve("in/accounts.csv"), "platform,handle,entity_id,role\n");
    assertThat(
        run("report", "--input=" + tmp.resolve("in"), "--output=" + tmp.resolve("out")),
        equalTo(1));
    assertThat(stderr(), containsString("posts"));
    assertThat(stderr(), not(containsString("Exception")));
  }

  @Test
  void aLargeInputRunsOnEmbeddedFlinkUnlessARunnerIsGiven(@TempDir Path tmp) throws IOException {
    String small = "--input=" + Paths.get("..", "testdata", "turin");
    assertThat(
        Arrays.asList(Megaphone.withRunnerForInput(new String[] {small})), equalTo(List.of(small)));
    Generate.write(tmp.resolve("big"), 1, 1, false); // about 0.6 MB
    String big = "--input=" + tmp.resolve("big");
    assertThat(
        Arrays.asList(Megaphone.withRunnerForInput(new String[] {big})),
        equalTo(
            List.of(
                big,
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=" + Runtime.getRuntime().availableProcessors(),
                "--objectReuse=true",
                "--fasterCopy=true")));
    assertThat(
        Arrays.asList(Megaphone.withRunnerForInput(new String[] {big, "--runner=DirectRunner"})),
        equalTo(List.of(big, "--runner=DirectRunner")));
  }

  @Test
  void aSmallGzipOfALargeTextCountsByItsGunzippedSizeForTheRunnerChoice(@TempDir Path tmp)
      throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    try (GZIPOutputStream gz =
        new GZIPOutputStream(Files.newOutputStream(in.resolve("views_x.csv.gz")))) {
      gz.write("platform,post_id,observed_at,views\n".getBytes(StandardCharsets.UTF_8));
      gz.write(new byte[2 << 20]); // 2 MiB of text in a file of a few KB
    }
    assertThat(
        Files.size(in.resolve("views_x.csv.gz")) < Megaphone.FLINK_ABOVE_BYTES, equalTo(true));

    assertThat(Megaphone.textBytes(in.resolve("views_x.csv.gz")), equalTo(35L + (2 << 20)));
    assertThat(
        Arrays.asList(Megaphone.withRunnerForInput(new String[] {"--input=" + in})),
        hasItem("--runner=FlinkRunner"));
  }

  @Test
  void profilesExplainNamesTheProfileOfEachExportAndTheColumnsThatIdentifyIt() {
    assertThat(run("profiles", "--explain", Testdata.folder("exports-mix").toString()), equalTo(0));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(
        text,
        containsString(
            "exports/tiktok-studio/Content.csv: tiktok-studio (header on line 1, comma-separated; recognised by"
                + " video title, video link, post time, total likes)"));
    assertThat(
        text, containsString("exports/valtioneuvosto/Chart data.csv: youtube-studio-chart ("));
    assertThat(
        text.lines().count(), equalTo(10L)); // every export file of the folder, sources.csv not
  }

  @Test
  void profilesExplainSaysWhyAnUnknownFileIsNotReadAndFails(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("exports/sv"));
    Files.writeString(
        tmp.resolve("exports/sv/ig.csv"),
        "Publicerings-id,Kontots användarnamn,Publiceringstid,Permalänk,Gilla-markeringar\n1,anna,03/17/2020 18:30,https://x/p/1/,3\n");
    Files.writeString(tmp.resolve("exports/notes.csv"), "what,when\nmeeting,monday\n");
    Files.writeString(tmp.resolve("exports/broken.csv.gz"), "not gzip at all");

    assertThat(run("profiles", "--explain=" + tmp), equalTo(1));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(
        text,
        containsString(
            "exports/sv/ig.csv: meta-instagram (header on line 1, comma-separated; recognised by publicerings-id = post id,"
                + " kontots användarnamn = account username, publiceringstid = publish time, permalänk = permalink,"
                + " gilla-markeringar = likes)"));
    assertThat(
        text,
        containsString(
            "exports/notes.csv: not a known export; header found: what,when; closest profile:"));
    assertThat(text, containsString("exports/broken.csv.gz"));
    assertThat(
        text.lines().count(),
        equalTo(3L)); // the unreadable file is explained, the others still listed
    assertThat(stderr(), containsString("a file in exports/ is not a known export"));
    assertThat(stderr(), not(containsString("unexpectedly")));
  }
}
