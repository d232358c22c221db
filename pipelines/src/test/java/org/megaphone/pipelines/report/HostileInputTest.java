package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.pipelines.run.RunFailedException;
import org.megaphone.pipelines.testing.Testdata;
import org.megaphone.read.CsvRecords;

/**
 * The hostile inputs of issue 15, each on a copy of testdata/turin, through the whole report: what
 * used to exit 0 with lost or wrong figures now loses one line, rejects the row, or stops the run
 * with a message that names the file.
 */
class HostileInputTest {
  @TempDir Path tmp;

  /** A copy of testdata/turin to damage. */
  private Path turin() throws IOException {
    Path copy = tmp.resolve("turin");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(Testdata.folder("turin"))) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  private JsonNode report(Path input, String... more) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(Testdata.reportArgs("turin", tmp.resolve("out"), "--runner=DirectRunner")));
    args.set(0, "--input=" + input);
    for (String m : more) {
      args.removeIf(a -> a.startsWith(m.substring(0, m.indexOf('=') + 1)));
      args.add(m);
    }
    ReportRun.run(Megaphone.parse(args.toArray(new String[0])));
    return new ObjectMapper().readTree(tmp.resolve("out").resolve("summary.json").toFile());
  }

  private static void editLine(Path file, int line, String from, String to) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.set(line - 1, lines.get(line - 1).replaceFirst(from, to));
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  @Test
  void strayQuoteInViewsCostsOneRowNotTheRestOfTheFile() throws IOException {
    Path in = turin();
    JsonNode before = report(in);
    // The issue's reproduction: sed -i '101s/,2020/,"2020/' views.csv
    editLine(in.resolve("views.csv"), 101, ",2020", ",\"2020");

    JsonNode after = report(in);

    JsonNode views = after.path("inputs").path("tables").path("views");
    assertThat(
        views.path("read").asLong(),
        equalTo(before.path("inputs").path("tables").path("views").path("read").asLong()));
    assertThat(
        views.path("rejected").asLong(),
        equalTo(before.path("inputs").path("tables").path("views").path("rejected").asLong() + 1));
    // One snapshot lost, not 563: credited views stay near the 22,964 of the intact file.
    assertThat(after.path("totals").path("views_credited").asLong(), greaterThan(22_000L));
    List<Map<String, String>> rejects = Testdata.rows(tmp.resolve("out").resolve("rejects.csv"));
    assertThat(
        rejects.stream()
            .filter(r -> r.get("line").equals("101"))
            .map(r -> r.get("reason"))
            .toList(),
        hasItem(containsString("a quoted field opened on this line is never closed")));
  }

  @Test
  void strayQuoteMidPostsRejectsOneLineAndThenEveryLineItDamagedOnItsOwn() throws IOException {
    Path in = turin();
    JsonNode before = report(in);
    Path posts = in.resolve("posts_2020-05-11.csv");
    List<String> lines = Files.readAllLines(posts, StandardCharsets.UTF_8);
    int line = 0;
    for (int i = 20; i < lines.size(); i++) {
      if (lines.get(i).contains(",2020-")) {
        line = i + 1;
        break;
      }
    }
    editLine(posts, line, ",2020-", ",\"2020-");

    JsonNode after = report(in);

    long lost =
        after.path("inputs").path("tables").path("posts").path("rejected").asLong()
            - before.path("inputs").path("tables").path("posts").path("rejected").asLong();
    // Every physical line the damaged quote reaches is its own reject, so the ratio counts them.
    long accepted = after.path("inputs").path("tables").path("posts").path("accepted").asLong();
    assertThat(
        accepted + lost,
        equalTo(before.path("inputs").path("tables").path("posts").path("accepted").asLong()));
    assertThat(lost, greaterThan(0L));
  }

  @Test
  void likesAtTheLargestLongAreRejectedInsteadOfWrappingTheHeadline() throws IOException {
    Path in = turin();
    JsonNode before = report(in);
    Path posts = in.resolve("posts_2020-05-11.csv");
    List<String> lines = Files.readAllLines(posts, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int likes = header.indexOf("likes");
    int line = 1;
    while (lines.get(line).contains("\"")
        || lines.get(line).split(",", -1).length != header.size()) {
      line++; // a row without quoted text, so that splitting at commas finds its cells
    }
    String[] row = lines.get(line).split(",", -1);
    row[likes] = "9223372036854775807";
    editLine(
        posts,
        line + 1,
        Pattern.quote(lines.get(line)),
        Matcher.quoteReplacement(String.join(",", row)));

    JsonNode after = report(in);

    assertThat(after.path("totals").path("engagement").asLong(), greaterThan(0L));
    assertThat(
        after.path("inputs").path("tables").path("posts").path("rejected").asLong(),
        equalTo(before.path("inputs").path("tables").path("posts").path("rejected").asLong() + 1));
    List<Map<String, String>> rejects = Testdata.rows(tmp.resolve("out").resolve("rejects.csv"));
    assertThat(
        rejects.stream().map(r -> r.get("reason")).toList(),
        hasItem("count above 1000000000000 (no real post has it): likes='9223372036854775807'"));
  }

  @Test
  void repeatedHeaderNameStopsTheRunNamingTheFileAndBothColumns() throws IOException {
    Path in = turin();
    Path posts = in.resolve("posts_2020-05-11.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(posts, StandardCharsets.UTF_8));
    lines.set(0, lines.get(0).replace("saves", "likes"));
    Files.write(posts, lines, StandardCharsets.UTF_8);

    RunFailedException e = assertThrows(RunFailedException.class, () -> report(in));

    assertThat(
        e.getMessage(),
        containsString("posts_2020-05-11.csv: the header names column likes twice"));
  }

  @Test
  void outputThatIsALinkToTheInputIsRefused() throws IOException {
    Path in = turin();
    Path link = Files.createSymbolicLink(tmp.resolve("reports"), in);
    List<String> args =
        new ArrayList<>(List.of(Testdata.reportArgs("turin", link, "--runner=DirectRunner")));
    args.set(0, "--input=" + in);

    UsageException e =
        assertThrows(
            UsageException.class,
            () -> ReportRun.run(Megaphone.parse(args.toArray(new String[0]))));

    assertThat(e.getMessage(), containsString("contains --input"));
    assertThat(Files.exists(in.resolve("summary.json")), is(false));
  }

  @Test
  void linkThatLeavesTheInputIsNotFollowedAndTheSummarySaysSo() throws IOException {
    Path in = turin();
    JsonNode before = report(in);
    Path elsewhere = Files.createDirectories(tmp.resolve("other-dataset"));
    Files.copy(in.resolve("posts_2020-05-11.csv"), elsewhere.resolve("posts_more.csv"));
    Files.createSymbolicLink(in.resolve("up"), elsewhere);

    JsonNode after = report(in);

    assertThat(
        after.path("totals").path("posts").asLong(),
        equalTo(before.path("totals").path("posts").asLong()));
    List<String> warnings = new ArrayList<>();
    after.path("warnings").forEach(w -> warnings.add(w.asText()));
    assertThat(warnings, hasItem("input link up leads outside --input and was not followed"));
  }

  @Test
  void gzipOfManyShortLinesIsReadAsAStreamAndItsNulRecordIsClipped() throws IOException {
    Path in = turin();
    Path gz = in.resolve("views_nul.csv.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("platform,post_id,observed_at,views\n".getBytes(StandardCharsets.UTF_8));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 8; i++) {
        out.write(zeros); // 8 MiB of NUL bytes on one line
      }
      out.write('\n');
    }

    JsonNode summary = report(in, "--maxRejectRatio=0.5");

    List<Map<String, String>> rejects = Testdata.rows(tmp.resolve("out").resolve("rejects.csv"));
    Map<String, String> nul =
        rejects.stream()
            .filter(r -> r.get("file").equals("views_nul.csv.gz"))
            .findFirst()
            .orElseThrow();
    assertThat(nul.get("reason"), containsString("longer than"));
    assertThat(nul.get("record").length(), equalTo(CsvRecords.RAW_KEPT_CHARS + 1));
    assertThat(summary.path("conservation").path("ok").asBoolean(), is(true));
  }

  @Test
  void onlyPostsFileWithTheWrongCaseIsNamedInTheMessage() throws IOException {
    Path in = turin();
    Files.move(in.resolve("posts_2020-05-11.csv"), in.resolve("POSTS.csv"));

    RunFailedException e = assertThrows(RunFailedException.class, () -> report(in));

    assertThat(e.getMessage(), containsString("'POSTS.csv' is not read: names are case-sensitive"));
  }

  @Test
  void secondRunIntoTheSameOutputIsRefusedWhileTheFirstHoldsIt() throws IOException {
    Path in = turin();
    report(in);
    try (OutputFolder first = OutputFolder.lock(tmp.resolve("out"), null)) {
      RunFailedException e = assertThrows(RunFailedException.class, () -> report(in));
      assertThat(
          e.getMessage(),
          containsString("another megaphone run (pid " + ProcessHandle.current().pid()));
    }
    report(in); // the lock is gone with its holder
  }

  @Test
  void staleStagingAndAnInterruptedSwapAreCleanedAndRestoredByTheNextRun() throws IOException {
    Path in = turin();
    report(in);
    Path out = tmp.resolve("out");
    String summary = Files.readString(out.resolve("summary.json"));
    // What a kill -9 leaves: an old-layout staging folder inside the output, a staging folder in
    // the work folder, and (between the two renames) the previous folder moved aside.
    Files.createDirectories(out.resolve(".megaphone-staging-123").resolve("x"));
    Path work = tmp.resolve(".megaphone-out");
    Files.createDirectories(work.resolve("staging-456"));
    Files.move(out, work.resolve("previous-staging-789"));

    OutputFolder.lock(out, ReportRun.ownFiles()).close();

    assertThat(Files.readString(out.resolve("summary.json")), equalTo(summary));
    assertThat(Files.exists(out.resolve(".megaphone-staging-123")), is(false));
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList(), equalTo(List.of("lock")));
    }
  }

  @Test
  void outputFolderHoldingOtherFilesIsRefusedBeforeAnythingIsReplaced() throws IOException {
    Path in = turin();
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("notes.txt"), "mine", StandardOpenOption.CREATE);

    UsageException e = assertThrows(UsageException.class, () -> report(in));

    assertThat(
        e.getMessage(), containsString("holds files that are not Megaphone reports (notes.txt)"));
    assertThat(Files.readString(out.resolve("notes.txt")), equalTo("mine"));
  }

  @Test
  void verifyFindsASummaryWhoseTotalsOrConservationWereEdited() throws IOException {
    Path in = turin();
    report(in);
    Path summary = tmp.resolve("out").resolve("summary.json");
    String text = Files.readString(summary);
    assertThat(verify(summary, in).code, is(0));

    // The outputs' hashes still match; only the summary's own figures were changed.
    Files.writeString(summary, text.replace("\"engagement\" : 36468", "\"engagement\" : 36469"));
    Verified edited = verify(summary, in);
    assertThat(edited.code, is(1));
    assertThat(
        edited.out,
        containsString("totals.engagement 36469 != conservation.posts_engagement 36468"));

    Files.writeString(
        summary, text.replace("\"posts_engagement\" : 36468", "\"posts_engagement\" : 1"));
    assertThat(
        verify(summary, in).out, containsString("conservation.ok is true but its sums say false"));
  }

  @Test
  void verifyAndRerunOfAMovedInputSayToPassInput() throws IOException {
    Path in = turin();
    report(in);
    Path moved = tmp.resolve("moved");
    Files.move(in, moved);
    Path summary = tmp.resolve("out").resolve("summary.json");

    assertThat(verify(summary, null).out, containsString("give --input=DIR"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Megaphone.run(
            new String[] {"rerun", "--manifest=" + summary, "--output=" + tmp.resolve("again")},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code, is(2));
    assertThat(err.toString(StandardCharsets.UTF_8), containsString("give --input=DIR"));
  }

  private record Verified(int code, String out) {}

  private static Verified verify(Path summary, Path input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("verify", "--manifest=" + summary));
    if (input != null) {
      args.add("--input=" + input);
    }
    int code =
        Megaphone.run(
            args.toArray(new String[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return new Verified(code, out.toString(StandardCharsets.UTF_8));
  }
}
