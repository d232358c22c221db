package org.megaphone.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.report.ReportRun;
import org.megaphone.pipelines.report.StoreFolder;
import org.megaphone.pipelines.testing.S3Store;
import org.megaphone.reports.Report;

/**
 * Inputs, reports and manifests in an object store: a real S3-compatible server (S3Mock, a child
 * JVM on 127.0.0.1) read and written through Beam's S3 file system, as a cluster's weekly job does.
 * Every run here is compared byte for byte with the same run on local folders, and the store's
 * objects are read back over plain HTTP, not through the code under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectStoreIT {
  private S3Store store;

  @BeforeAll
  void startStore() throws Exception {
    Path dir = Paths.get("target", "it-s3").toAbsolutePath();
    ReportRun.deleteRecursively(dir);
    store = S3Store.start(dir);
  }

  @AfterAll
  void stopStore() {
    if (store != null) {
      store.close();
    }
  }

  private record Run(int code, String out, String err) {}

  private static Run megaphone(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Megaphone.run(
            args.toArray(new String[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs the command and fails the test, with its messages, unless it exits 0. */
  private static Run succeeds(String command, List<String> options, String... more) {
    Run r = megaphone(args(command, options, more));
    assertThat(r.err(), r.code(), equalTo(0));
    return r;
  }

  private static List<String> args(String command, List<String> options, String... more) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(options);
    all.addAll(List.of(more));
    return all;
  }

  /** The dataset's recorded options, its input left out. */
  private static List<String> ruleOptions(String dataset) throws IOException {
    JsonNode options =
        new ObjectMapper()
            .readTree(Paths.get("..", "testdata", dataset, "expected.json").toFile())
            .get("options");
    return List.of(
        "--timezone=" + options.get("timezone").asText(),
        "--bulletinWindow=" + options.get("bulletinWindow").asText(),
        "--campaignTags=" + options.get("campaignTags").asText(),
        "--maxRejectRatio=" + options.get("maxRejectRatio").asText());
  }

  private List<String> withStore(List<String> options) {
    List<String> all = new ArrayList<>(options);
    all.addAll(store.options());
    return all;
  }

  private static Path testdata(String dataset) {
    return Paths.get("..", "testdata", dataset).toAbsolutePath().normalize();
  }

  /** The published run's folder of a report folder in the store, from its pointer. */
  private String published(String folder) throws Exception {
    String pointer = store.getString(folder + "/CURRENT");
    assertThat(folder + "/CURRENT", pointer, notNullValue());
    assertThat(pointer, matchesPattern("runs/[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}/\n"));
    return folder + "/" + pointer.strip();
  }

  /** The run folders below a report folder in the store. */
  private TreeSet<String> runFolders(String folder) throws Exception {
    TreeSet<String> runs = new TreeSet<>();
    for (String key : store.keys(folder + "/runs/")) {
      runs.add(key.substring(0, key.indexOf('/', (folder + "/runs/").length()) + 1));
    }
    return runs;
  }

  /** Each file of the local report folder, byte for byte in the store's run folder. */
  private void assertSameFiles(Path local, String run) throws Exception {
    List<String> names;
    try (Stream<Path> files = Files.list(local)) {
      names =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> !n.equals(ReportRun.SUMMARY))
              .sorted()
              .toList();
    }
    assertThat(names.size(), equalTo(Report.ALL.size() + 1)); // the reports and report.html
    for (String name : names) {
      byte[] remote = store.get(run + name);
      assertThat(run + name + " exists", remote, notNullValue());
      assertThat(run + name, remote, equalTo(Files.readAllBytes(local.resolve(name))));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"coronafacts", "exports-mix"})
  @Timeout(180)
  void aReportFromAndIntoTheStoreEqualsTheLocalRunByteForByte(String dataset, @TempDir Path tmp)
      throws Exception {
    List<String> rules = ruleOptions(dataset);
    succeeds(
        "report",
        rules,
        "--input=" + testdata(dataset),
        "--output=" + tmp.resolve("local"),
        "--quiet=true");
    store.upload(testdata(dataset), "in/" + dataset);
    Run remote =
        succeeds(
            "report",
            withStore(rules),
            "--input=" + S3Store.url("in/" + dataset),
            "--output=" + S3Store.url("reports/" + dataset));
    String run = published("reports/" + dataset);
    assertSameFiles(tmp.resolve("local"), run);
    assertThat(
        "the store holds the pointer and one run, no work files",
        store.keys("reports/" + dataset + "/"),
        everyItem(anyOf(equalTo("reports/" + dataset + "/CURRENT"), startsWith(run))));
    String summary = store.getString(run + ReportRun.SUMMARY);
    JsonNode json = new ObjectMapper().readTree(summary);
    assertThat(json.path("options").path("input").asText(), equalTo(S3Store.url("in/" + dataset)));
    assertThat(json.path("inputs").path("folder").asText(), equalTo(S3Store.url("in/" + dataset)));
    for (String text : List.of(summary, remote.out(), remote.err())) {
      assertThat("credentials are never written", text, not(containsString(S3Store.SECRET_KEY)));
      assertThat("credentials are never written", text, not(containsString(S3Store.ACCESS_KEY)));
    }
    assertThat(remote.out(), containsString(run.substring(0, run.length() - 1)));
  }

  @Test
  @Timeout(300)
  void eachRunReplacesThePublishedOneWholeAndAFailedRunLeavesItAsItWas(@TempDir Path tmp)
      throws Exception {
    List<String> rules = ruleOptions("coronafacts");
    store.upload(testdata("coronafacts"), "in/replace");
    List<String> report =
        args(
            "report",
            withStore(rules),
            "--input=" + S3Store.url("in/replace"),
            "--output=" + S3Store.url("reports/replace"),
            "--quiet=true");
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Run r = megaphone(report);
      assertThat(r.err(), r.code(), equalTo(0));
      published.add(published("reports/replace"));
    }
    assertThat("every run publishes its own folder", new TreeSet<>(published).size(), equalTo(3));
    assertThat(
        "the published run and the one before it are kept, older ones deleted",
        runFolders("reports/replace"),
        equalTo(new TreeSet<>(published.subList(1, 3))));
    String current = published.get(2);
    Map<String, byte[]> before = new LinkedHashMap<>();
    for (String key : store.keys(current)) {
      before.put(key, store.get(key));
    }

    // A posts file without its required columns fails the run in its pipeline, after the workers
    // wrote their files into the store.
    store.put("in/replace/posts_broken.csv", "platform,post_id\ninstagram,x\n".getBytes());
    Run failed = megaphone(report);
    assertThat(failed.err(), failed.code(), equalTo(1));
    assertThat(failed.err(), containsString("posts_broken.csv"));
    assertThat("the pointer is as it was", published("reports/replace"), equalTo(current));
    for (Map.Entry<String, byte[]> e : before.entrySet()) {
      assertThat(e.getKey(), store.get(e.getKey()), equalTo(e.getValue()));
    }
    assertThat(
        "the failed run's files are deleted",
        runFolders("reports/replace"),
        equalTo(new TreeSet<>(published.subList(1, 3))));
    assertThat(store.keys("reports/replace/.megaphone-work/"), equalTo(List.of()));
    store.delete("in/replace/posts_broken.csv");

    // The store goes away half-way through the upload: 4 of the run's files are up, the pointer
    // is not written.
    System.setProperty(StoreFolder.FAIL_AFTER_UPLOADS_PROPERTY, "4");
    Run cut;
    try {
      cut = megaphone(report);
    } finally {
      System.clearProperty(StoreFolder.FAIL_AFTER_UPLOADS_PROPERTY);
    }
    assertThat(cut.err(), cut.code(), equalTo(1));
    assertThat(cut.err(), containsString("cannot read or write run files"));
    assertThat("the pointer is as it was", published("reports/replace"), equalTo(current));
    for (Map.Entry<String, byte[]> e : before.entrySet()) {
      assertThat(e.getKey(), store.get(e.getKey()), equalTo(e.getValue()));
    }
    assertThat(
        "the half-uploaded run folder is deleted",
        runFolders("reports/replace"),
        equalTo(new TreeSet<>(published.subList(1, 3))));
  }

  @Test
  @Timeout(300)
  void weeklyVerifyAndRerunWorkOnTheStoreAsOnLocalFolders(@TempDir Path tmp) throws Exception {
    List<String> rules = new ArrayList<>(ruleOptions("coronafacts"));
    rules.add("--week=2020-W14");
    succeeds(
        "weekly",
        rules,
        "--input=" + testdata("coronafacts"),
        "--output=" + tmp.resolve("local"),
        "--quiet=true");
    // The same folder name as the local input: report.html's title is the input folder's name.
    store.upload(testdata("coronafacts"), "weekly-in/coronafacts");
    succeeds(
        "weekly",
        withStore(rules),
        "--input=" + S3Store.url("weekly-in/coronafacts"),
        "--output=" + S3Store.url("weekly"),
        "--quiet=true");
    String run = published("weekly/2020-W14");
    assertSameFiles(tmp.resolve("local").resolve("2020-W14"), run);
    JsonNode summary = new ObjectMapper().readTree(store.get(run + ReportRun.SUMMARY));
    assertThat(summary.path("week").asText(), equalTo("2020-W14"));
    assertThat(summary.path("output_folder").asText(), equalTo(S3Store.url("weekly/2020-W14")));

    // verify reads the manifest and every file from the store, through the pointer.
    Run verified =
        megaphone(args("verify", store.options(), "--manifest=" + S3Store.url("weekly/2020-W14")));
    assertThat(verified.out() + verified.err(), verified.code(), equalTo(0));
    assertThat(verified.out(), containsString("verified: "));

    // rerun runs the recorded options again, into another folder of the store.
    Run rerun =
        megaphone(
            args(
                "rerun",
                store.options(),
                "--manifest=" + S3Store.url(run + ReportRun.SUMMARY),
                "--output=" + S3Store.url("weekly-rerun"),
                "--quiet=true"));
    assertThat(rerun.out() + rerun.err(), rerun.code(), equalTo(0));
    assertThat(rerun.out(), containsString("rerun: identical to the manifest"));
    assertSameFiles(tmp.resolve("local").resolve("2020-W14"), published("weekly-rerun/2020-W14"));

    // A changed report in the store is found.
    String entities = run + Report.ENTITIES_WEEKLY.file();
    byte[] original = store.get(entities);
    store.put(entities, (new String(original, StandardCharsets.UTF_8) + "\n").getBytes());
    Run changed =
        megaphone(args("verify", store.options(), "--manifest=" + S3Store.url("weekly/2020-W14")));
    assertThat(changed.code(), equalTo(1));
    assertThat(changed.out(), containsString("output changed: " + S3Store.url(entities)));
  }

  @Test
  @Timeout(180)
  void aFolderOrAGlobInTheStoreIsListedAsALocalOne(@TempDir Path tmp) throws Exception {
    // The dataset one folder down, next to a hidden folder whose posts would fail the run.
    Path in = tmp.resolve("in");
    copy(testdata("coronafacts"), in.resolve("2020"));
    Files.createDirectories(in.resolve(".trash"));
    Files.writeString(in.resolve(".trash").resolve("posts_old.csv"), "platform\nx\n");
    store.upload(in, "nested/in");
    List<String> rules = ruleOptions("coronafacts");
    for (String[] input :
        new String[][] {
          {in.toString(), S3Store.url("nested/in")},
          {in + "/20*/*", S3Store.url("nested/in/20*/*")}
        }) {
      String name = input[1].contains("*") ? "glob" : "folder";
      succeeds(
          "report",
          rules,
          "--input=" + input[0],
          "--output=" + tmp.resolve("out-" + name),
          "--quiet=true");
      succeeds(
          "report",
          withStore(rules),
          "--input=" + input[1],
          "--output=" + S3Store.url("reports/" + name),
          "--quiet=true");
      assertSameFiles(tmp.resolve("out-" + name), published("reports/" + name));
    }
  }

  @Test
  @Timeout(180)
  void aThemesLexiconAndASaltFileAreReadFromTheStore(@TempDir Path tmp) throws Exception {
    // A lexicon of one theme, and a salt: both change the reports, so a file not read would show.
    byte[] lexicon =
        "theme,language,phrases\nkindness,en,thank you|thanks\nkindness,fi,kiitos\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] salt = "a-long-enough-test-salt-0123456789\n".getBytes(StandardCharsets.UTF_8);
    Files.write(tmp.resolve("themes.csv"), lexicon);
    Files.write(tmp.resolve("salt.txt"), salt);
    store.put("config/themes.csv", lexicon);
    store.put("config/salt.txt", salt);
    store.upload(testdata("coronafacts"), "content/coronafacts");
    List<String> rules = new ArrayList<>(ruleOptions("coronafacts"));
    rules.add("--pseudonymise=true");
    succeeds(
        "report",
        rules,
        "--input=" + testdata("coronafacts"),
        "--themes=" + tmp.resolve("themes.csv"),
        "--saltFile=" + tmp.resolve("salt.txt"),
        "--output=" + tmp.resolve("local"),
        "--quiet=true");
    succeeds(
        "report",
        withStore(rules),
        "--input=" + S3Store.url("content/coronafacts"),
        "--themes=" + S3Store.url("config/themes.csv"),
        "--saltFile=" + S3Store.url("config/salt.txt"),
        "--output=" + S3Store.url("reports/content"),
        "--quiet=true");
    String run = published("reports/content");
    assertSameFiles(tmp.resolve("local"), run);
    assertThat(
        new String(store.get(run + Report.THEMES_WEEKLY.file()), StandardCharsets.UTF_8),
        containsString(",kindness,"));
    String summary = store.getString(run + ReportRun.SUMMARY);
    assertThat(summary, containsString("\"path\" : \"" + S3Store.url("config/themes.csv") + "\""));
    assertThat(
        "the salt is never written", summary, not(containsString("a-long-enough-test-salt")));
  }

  @Test
  @Timeout(120)
  void anUnreachableStoreFailsTheRunWithExit1AndPublishesNothing(@TempDir Path tmp)
      throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Run r =
        megaphone(
            args(
                "report",
                ruleOptions("coronafacts"),
                "--input=" + S3Store.url("in/unreachable"),
                "--output=" + S3Store.url("reports/unreachable"),
                "--awsRegion=us-east-1",
                "--endpoint=http://127.0.0.1:" + closed,
                "--s3PathStyle=true",
                "--quiet=true"));
    assertThat(r.err(), r.code(), equalTo(1));
    assertThat(r.err(), containsString("cannot list input " + S3Store.url("in/unreachable")));
    assertThat(r.err(), containsString("127.0.0.1:" + closed));
  }

  @Test
  @Timeout(120)
  void aPrefixWithoutObjectsOrAMissingLexiconInTheStoreIsAUsageError(@TempDir Path tmp)
      throws Exception {
    Run empty =
        megaphone(
            args(
                "report",
                withStore(ruleOptions("coronafacts")),
                "--input=" + S3Store.url("no/such/prefix"),
                "--output=" + S3Store.url("reports/empty"),
                "--quiet=true"));
    assertThat(empty.err(), empty.code(), equalTo(2));
    assertThat(empty.err(), containsString("no objects below this prefix"));
    store.upload(testdata("coronafacts"), "usage/coronafacts");
    Run themes =
        megaphone(
            args(
                "report",
                withStore(ruleOptions("coronafacts")),
                "--input=" + S3Store.url("usage/coronafacts"),
                "--themes=" + S3Store.url("config/no-such-lexicon.csv"),
                "--output=" + S3Store.url("reports/usage"),
                "--quiet=true"));
    assertThat(themes.err(), themes.code(), equalTo(2));
    assertThat(
        themes.err(),
        containsString(
            "--themes=" + S3Store.url("config/no-such-lexicon.csv") + " cannot be read"));
    assertThat(store.keys("reports/usage/"), equalTo(List.of()));
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}
