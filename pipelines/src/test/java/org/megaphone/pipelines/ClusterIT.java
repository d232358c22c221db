package org.megaphone.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.options.StreamOptions;
import org.megaphone.pipelines.report.ReportRun;
import org.megaphone.pipelines.stream.StreamParityIT;
import org.megaphone.pipelines.stream.StreamPipeline;
import org.megaphone.pipelines.testing.LocalCluster;
import org.megaphone.pipelines.testing.S3Store;
import org.megaphone.read.CsvRecords;
import org.megaphone.reports.Report;

/**
 * Megaphone on a real Flink session cluster (a JobManager and two TaskManagers, separate JVMs on
 * 127.0.0.1, started by {@code ./megaphone cluster start}): the batch report byte for byte as on
 * the DirectRunner, the weekly job, and a stream that loses a TaskManager, is stopped with a
 * savepoint and resumed, and ends with the batch rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {
  private LocalCluster cluster;

  @BeforeAll
  void startCluster() throws Exception {
    Path dir = Paths.get("target", "it-cluster").toAbsolutePath();
    ReportRun.deleteRecursively(dir);
    cluster = LocalCluster.start(dir, 2, 2);
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String[] args(List<String> a, List<String> b) {
    return concat(a, b.toArray(new String[0])).toArray(new String[0]);
  }

  private static List<String> datasetOptions(Path in) throws IOException {
    JsonNode options =
        new ObjectMapper().readTree(in.resolve("expected.json").toFile()).get("options");
    return List.of(
        "--input=" + in,
        "--timezone=" + options.get("timezone").asText(),
        "--bulletinWindow=" + options.get("bulletinWindow").asText(),
        "--campaignTags=" + options.get("campaignTags").asText(),
        "--maxRejectRatio=" + options.get("maxRejectRatio").asText());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"coronafacts", "turin", "exports-mix", "exports-mix-canonical"})
  @Timeout(240)
  void reportOnTheClusterEqualsTheDirectRunnerByteForByte(String dataset, @TempDir Path tmp)
      throws Exception {
    List<String> options = datasetOptions(Paths.get("..", "testdata", dataset).toAbsolutePath());
    ReportRun.run(Megaphone.parse(args(options, List.of("--output=" + tmp.resolve("direct")))));
    ReportRun.Result onCluster =
        ReportRun.run(
            Megaphone.parse(
                args(
                    options, concat(cluster.runnerArgs(2), "--output=" + tmp.resolve("cluster")))));
    assertThat(onCluster.summary().runner(), equalTo("FlinkRunner"));
    for (String report : Report.files()) {
      assertThat(
          report,
          Files.readAllBytes(tmp.resolve("cluster").resolve(report)),
          equalTo(Files.readAllBytes(tmp.resolve("direct").resolve(report))));
    }
  }

  private static List<String> concat(List<String> a, String... more) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(more));
    return all;
  }

  private int weekly(List<String> options) {
    List<String> all = new ArrayList<>(List.of("weekly"));
    all.addAll(options);
    return Megaphone.run(
        all.toArray(new String[0]),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  @Timeout(240)
  void weeklyOnTheClusterLeavesThatWeeksRowsARerunGivesTheSameFilesAndAFailedRunChangesNothing(
      @TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    copyDataset(Paths.get("..", "testdata", "coronafacts"), in);
    List<String> options = new ArrayList<>(datasetOptions(in));
    options.add("--week=2020-W14");
    assertThat(weekly(concat(options, "--output=" + tmp.resolve("direct"))), equalTo(0));
    List<String> onCluster = new ArrayList<>(options);
    onCluster.addAll(cluster.runnerArgs(2));
    onCluster.add("--output=" + tmp.resolve("cluster"));
    for (int run = 1; run <= 2; run++) {
      assertThat("weekly run " + run, weekly(onCluster), equalTo(0));
      for (String report : Report.files()) {
        assertThat(
            report + " after run " + run,
            Files.readAllBytes(tmp.resolve("cluster").resolve("2020-W14").resolve(report)),
            equalTo(Files.readAllBytes(tmp.resolve("direct").resolve("2020-W14").resolve(report))));
      }
    }
    for (String line :
        Files.readAllLines(
                tmp.resolve("cluster").resolve("2020-W14").resolve("entities_weekly.csv"))
            .subList(1, 10)) {
      assertThat(line.substring(0, 8), equalTo("2020-W14"));
    }

    // A posts file without its required columns fails the job on the cluster, half-way.
    Files.writeString(in.resolve("posts_broken.csv"), "platform,post_id\ninstagram,x\n");
    assertThat("a failed weekly run exits 1", weekly(onCluster), equalTo(1));
    for (String report : Report.files()) {
      assertThat(
          report + " after the failed run",
          Files.readAllBytes(tmp.resolve("cluster").resolve("2020-W14").resolve(report)),
          equalTo(Files.readAllBytes(tmp.resolve("direct").resolve("2020-W14").resolve(report))));
    }
    try (Stream<Path> entries = Files.list(tmp.resolve("cluster"))) {
      assertThat(
          "no staging folder is left behind",
          entries.toList(),
          equalTo(List.of(tmp.resolve("cluster").resolve("2020-W14"))));
    }
  }

  @Test
  @Timeout(300)
  void reportAndWeeklyOnTheClusterReadAndWriteTheStoreAndEqualTheLocalRuns(@TempDir Path tmp)
      throws Exception {
    try (S3Store store = S3Store.start(tmp.resolve("s3"))) {
      Path dataset = Paths.get("..", "testdata", "coronafacts").toAbsolutePath().normalize();
      store.upload(dataset, "in/cluster");
      List<String> rules = new ArrayList<>(datasetOptions(dataset).subList(1, 5));
      // The input is only in the bucket: the TaskManagers read it themselves, with the endpoint
      // from the job's options and the credentials from their environment.
      List<String> onCluster = new ArrayList<>(rules);
      onCluster.add("--input=" + S3Store.url("in/cluster"));
      onCluster.addAll(store.options());
      onCluster.addAll(cluster.runnerArgs(2));

      ReportRun.run(
          Megaphone.parse(
              args(datasetOptions(dataset), List.of("--output=" + tmp.resolve("direct")))));
      ReportRun.Result report =
          ReportRun.run(
              Megaphone.parse(
                  args(onCluster, List.of("--output=" + S3Store.url("reports/cluster")))));
      assertThat(report.summary().runner(), equalTo("FlinkRunner"));
      String run = "reports/cluster/" + store.getString("reports/cluster/CURRENT").strip();
      for (String file : Report.files()) {
        assertThat(
            file,
            store.get(run + file),
            equalTo(Files.readAllBytes(tmp.resolve("direct").resolve(file))));
      }

      assertThat(
          weekly(
              concat(
                  datasetOptions(dataset), "--output=" + tmp.resolve("weekly"), "--week=2020-W14")),
          equalTo(0));
      assertThat(
          weekly(concat(onCluster, "--output=" + S3Store.url("weekly"), "--week=2020-W14")),
          equalTo(0));
      String weekRun = "weekly/2020-W14/" + store.getString("weekly/2020-W14/CURRENT").strip();
      for (String file : Report.files()) {
        assertThat(
            "weekly " + file,
            store.get(weekRun + file),
            equalTo(Files.readAllBytes(tmp.resolve("weekly").resolve("2020-W14").resolve(file))));
      }
    }
  }

  private static void copyDataset(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  // --- the stream: a TaskManager is lost mid-stream, then it is stopped with a savepoint and
  // resumed ---

  private static final String ACCOUNTS =
      """
      platform,handle,entity_id,entity_name,role
      instagram,anna_k,anna,Anna,influencer
      instagram,bo_s,bo,Bo,influencer
      tiktok,cleo,cleo,Cleo,influencer
      """;

  /**
   * Batch k of posts and views, all within the last hours (the folder watermark follows the clock).
   */
  private static void dropBatch(Path inbox, int k, Instant now) throws IOException {
    StringBuilder posts =
        new StringBuilder("platform,post_id,handle,published_at,likes,comments\n");
    StringBuilder views = new StringBuilder("platform,post_id,observed_at,views\n");
    String[] handles = {"anna_k", "bo_s", "cleo"};
    String[] platforms = {"instagram", "instagram", "tiktok"};
    for (int i = 0; i < 6; i++) {
      int h = i % 3;
      String id = "p" + k + "_" + i;
      Instant published = now.minus(3, ChronoUnit.HOURS).plus(k * 10L + i, ChronoUnit.MINUTES);
      posts
          .append(platforms[h])
          .append(',')
          .append(id)
          .append(',')
          .append(handles[h])
          .append(',')
          .append(published)
          .append(',')
          .append(10 * k + i)
          .append(',')
          .append(i)
          .append('\n');
      for (int s = 1; s <= 3; s++) {
        views
            .append(platforms[h])
            .append(',')
            .append(id)
            .append(',')
            .append(published.plus(s * 7L, ChronoUnit.MINUTES))
            .append(',')
            .append(100 * k * s + i)
            .append('\n');
      }
    }
    if (k > 1) {
      // A later export of an earlier post (more likes) and a late snapshot of it: corrections.
      Instant published = now.minus(3, ChronoUnit.HOURS).plus(10, ChronoUnit.MINUTES);
      posts
          .append("instagram,p1_0,anna_k,")
          .append(published)
          .append(',')
          .append(50 * k)
          .append(",3\n");
      views
          .append("instagram,p1_0,")
          .append(published.plus(70L + k, ChronoUnit.MINUTES))
          .append(',')
          .append(1000 * k)
          .append('\n');
    }
    write(inbox, "posts_" + k + ".csv", posts.toString());
    write(inbox, "views_" + k + ".csv", views.toString());
  }

  private static void write(Path inbox, String name, String content) throws IOException {
    Path part = inbox.resolve(name + ".part");
    Files.writeString(part, content, StandardCharsets.UTF_8);
    Files.move(part, inbox.resolve(name));
  }

  /** Every live row of a report (all weeks), without its pane and sequence columns, by key. */
  private static Map<String, String> liveRows(Path live, String report, int keys)
      throws IOException {
    Map<String, String> rows = new TreeMap<>();
    if (!Files.exists(live)) {
      return rows;
    }
    try (Stream<Path> files = Files.walk(live)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().equals(report)).sorted().toList()) {
        List<CsvRecords.CsvRecord> records =
            CsvRecords.parse(Files.readString(f, StandardCharsets.UTF_8), ',');
        for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
          List<String> cells = r.fields.subList(0, r.fields.size() - 2);
          rows.put(String.join("|", cells.subList(0, keys)), String.join(",", cells));
        }
      }
    }
    return rows;
  }

  /**
   * Waits until the live rows of both reports equal the batch report of everything in the inbox.
   */
  private static void awaitBatchRows(Path inbox, Path live, Path tmp, String when, int seconds)
      throws Exception {
    Path batch = tmp.resolve("batch-" + when);
    ReportRun.run(
        Megaphone.parse(new String[] {"--input=" + inbox, "--output=" + batch, "--timezone=UTC"}));
    Map<String, String> entities = StreamParityIT.batchRows(batch, Report.ENTITIES_WEEKLY);
    Map<String, String> platforms = StreamParityIT.batchRows(batch, Report.PLATFORMS_WEEKLY);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (liveRows(live, "entities_weekly.csv", 2).equals(entities)
          && liveRows(live, "platforms_weekly.csv", 3).equals(platforms)) {
        return;
      }
      Thread.sleep(500);
    }
    assertThat(
        when + ": entities_weekly", liveRows(live, "entities_weekly.csv", 2), equalTo(entities));
    assertThat(
        when + ": platforms_weekly", liveRows(live, "platforms_weekly.csv", 3), equalTo(platforms));
  }

  private void startStream(Path inbox, Path live, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--input=" + inbox,
                "--output=" + live,
                "--timezone=UTC",
                "--earlyFiring=PT1S",
                "--pollInterval=PT1S",
                "--checkpointingInterval=2000",
                "--attachedMode=false"));
    // Four subtasks on two TaskManagers of two slots: each TaskManager runs part of every step.
    a.addAll(cluster.runnerArgs(4));
    a.addAll(List.of(extra));
    StreamPipeline.start(
        PipelineOptionsFactory.fromArgs(a.toArray(new String[0])).as(StreamOptions.class));
  }

  private void awaitCheckpointAfter(String job, long completed, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (cluster.completedCheckpoints(job) <= completed) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no checkpoint completed within " + seconds + " s");
      }
      Thread.sleep(500);
    }
  }

  @Test
  @Timeout(420)
  void streamSurvivesALostTaskManagerAndResumesFromASavepointEndingWithTheBatchRows(
      @TempDir Path tmp) throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    Path live = tmp.resolve("live");
    Files.writeString(inbox.resolve("accounts.csv"), ACCOUNTS);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    startStream(inbox, live);
    String job = cluster.awaitJob("RUNNING", 120);
    dropBatch(inbox, 1, now);
    awaitBatchRows(inbox, live, tmp, "batch 1", 120);

    // Lose a TaskManager right after a file lands: its work since the last checkpoint is replayed.
    awaitCheckpointAfter(job, cluster.completedCheckpoints(job), 60);
    dropBatch(inbox, 2, now);
    cluster.killTaskManager(1);
    cluster.script("add-taskmanager");
    awaitBatchRows(inbox, live, tmp, "batch 2 after the lost TaskManager", 240);
    JsonNode exceptions = cluster.get("/jobs/" + job + "/exceptions");
    assertThat(
        "the job failed over (its exception history records the lost TaskManager)",
        exceptions.path("exceptionHistory").path("entries").size(),
        greaterThan(0));

    // Stop with a savepoint (as for an upgrade), resume from it, keep going.
    String savepoint = cluster.stopWithSavepoint(job, tmp.resolve("savepoints"), 120);
    cluster.awaitJob("FINISHED", 60);
    startStream(inbox, live, "--savepointPath=" + savepoint);
    String resumed = cluster.awaitJob("RUNNING", 120);
    JsonNode restored =
        cluster.get("/jobs/" + resumed + "/checkpoints").path("latest").path("restored");
    assertThat(
        "the new job started from the savepoint: " + restored,
        restored.path("is_savepoint").asBoolean(),
        equalTo(true));
    dropBatch(inbox, 3, now);
    awaitBatchRows(inbox, live, tmp, "batch 3 after resuming from the savepoint", 120);
    cluster.cancel(resumed);
  }
}
