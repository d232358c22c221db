package org.megaphone.pipelines.weekly;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.report.ReportRun;
import org.megaphone.pipelines.testing.MiniDataset;
import org.megaphone.reports.Report;
import org.megaphone.write.html.HtmlReport;

/** The scheduler's job: one week's rows in their own folder, replaced whole, never half. */
class WeeklyRunTest {
  @TempDir Path tmp;
  private Path input;

  @BeforeEach
  void dataset() throws IOException {
    input = MiniDataset.write(tmp.resolve("in"));
  }

  private int weekly(Path output, String week, ByteArrayOutputStream err) {
    return Megaphone.run(
        new String[] {
          "weekly",
          "--input=" + input,
          "--output=" + output,
          "--timezone=Europe/Helsinki",
          "--maxRejectRatio=0.6",
          "--week=" + week
        },
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  /**
   * The report's lines whose cell at {@code column} is the week (plain cells: the mini data has no
   * quotes there).
   */
  private static List<String> rowsOfWeek(Path report, int column, String week) throws IOException {
    List<String> all = lines(report);
    List<String> kept = new ArrayList<>(List.of(all.get(0)));
    for (String line : all.subList(1, all.size())) {
      if (line.split(",", -1)[column].equals(week)) {
        kept.add(line);
      }
    }
    return kept;
  }

  @Test
  void eachWeeksFolderHoldsExactlyThatWeeksRowsOfTheFullReport() throws IOException {
    Path report = tmp.resolve("report");
    ReportRun.run(
        Megaphone.parse(
            new String[] {
              "--input=" + input,
              "--output=" + report,
              "--timezone=Europe/Helsinki",
              "--maxRejectRatio=0.6"
            }));
    TreeSet<String> weeks = new TreeSet<>();
    for (String line :
        lines(report.resolve("entities_weekly.csv"))
            .subList(1, lines(report.resolve("entities_weekly.csv")).size())) {
      weeks.add(line.split(",", -1)[0]);
    }
    assertThat("the mini dataset spans several weeks", weeks.size(), greaterThan(1));
    Path out = tmp.resolve("weekly");
    for (String week : weeks) {
      assertThat(weekly(out, week, new ByteArrayOutputStream()), equalTo(0));
      Path folder = out.resolve(week);
      assertThat(
          lines(folder.resolve("entities_weekly.csv")),
          equalTo(rowsOfWeek(report.resolve("entities_weekly.csv"), 0, week)));
      assertThat(
          lines(folder.resolve("platforms_weekly.csv")),
          equalTo(rowsOfWeek(report.resolve("platforms_weekly.csv"), 0, week)));
      assertThat(
          lines(folder.resolve("channel_growth.csv")),
          equalTo(rowsOfWeek(report.resolve("channel_growth.csv"), 0, week)));
      assertThat(
          lines(folder.resolve("posts_attributed.csv")),
          equalTo(rowsOfWeek(report.resolve("posts_attributed.csv"), 2, week)));
      assertThat(
          lines(folder.resolve("rejects.csv")), equalTo(lines(report.resolve("rejects.csv"))));
      assertThat(
          Files.readString(folder.resolve("summary.json")),
          containsString("\"week\" : \"" + week + "\""));
    }
    try (var folders = Files.list(out)) {
      assertThat("one folder per week and no leftovers", folders.toList(), hasSize(weeks.size()));
    }
  }

  @Test
  void aRerunReplacesTheWeekWithIdenticalReportsAndPage() throws IOException {
    Path out = tmp.resolve("weekly");
    assertThat(weekly(out, "2020-W14", new ByteArrayOutputStream()), equalTo(0));
    Path folder = out.resolve("2020-W14");
    List<String> files = new ArrayList<>(Report.files());
    files.add(HtmlReport.FILE);
    List<byte[]> first = new ArrayList<>();
    for (String file : files) {
      first.add(Files.readAllBytes(folder.resolve(file)));
    }
    assertThat(
        new String(first.get(files.size() - 1), StandardCharsets.UTF_8),
        containsString("Weeks 2020-W14 to 2020-W14"));
    Files.writeString(folder.resolve("stray.txt"), "left by hand\n");
    assertThat(weekly(out, "2020-W14", new ByteArrayOutputStream()), equalTo(0));
    for (int i = 0; i < files.size(); i++) {
      assertThat(
          files.get(i), Files.readAllBytes(folder.resolve(files.get(i))), equalTo(first.get(i)));
    }
    assertThat(
        "the folder is replaced as a whole",
        Files.exists(folder.resolve("stray.txt")),
        equalTo(false));
  }

  @Test
  void aFailedRunLeavesThePreviousWeekFolderIntactAndExitsOne() throws IOException {
    Path out = tmp.resolve("weekly");
    assertThat(weekly(out, "2020-W14", new ByteArrayOutputStream()), equalTo(0));
    Path folder = out.resolve("2020-W14");
    byte[] before = Files.readAllBytes(folder.resolve("entities_weekly.csv"));
    // A posts file without its required columns stops the run.
    Files.writeString(input.resolve("posts_broken.csv"), "platform,post_id\ninstagram,x\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(weekly(out, "2020-W14", err), equalTo(1));
    assertThat(err.toString(StandardCharsets.UTF_8), containsString("weekly run failed"));
    assertThat(Files.readAllBytes(folder.resolve("entities_weekly.csv")), equalTo(before));
    try (var entries = Files.list(out)) {
      assertThat("no staging folder is left behind", entries.toList(), equalTo(List.of(folder)));
    }
  }

  @Test
  void aWeeklyOutputInsideTheInputIsNotReadBackOnTheNextRun() throws IOException {
    Path out = input.resolve("reports");
    assertThat(weekly(out, "2020-W14", new ByteArrayOutputStream()), equalTo(0));
    byte[] first = Files.readAllBytes(out.resolve("2020-W14").resolve("posts_attributed.csv"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(err.toString(StandardCharsets.UTF_8), weekly(out, "2020-W14", err), equalTo(0));
    assertThat(
        Files.readAllBytes(out.resolve("2020-W14").resolve("posts_attributed.csv")),
        equalTo(first));
  }

  @Test
  void anOutputFolderAroundTheInputIsAUsageError() {
    assertThat(weekly(input.getParent(), "2020-W14", new ByteArrayOutputStream()), equalTo(2));
  }

  @Test
  void lastIsThePreviousCompleteWeekInTheZone() {
    // Monday 2020-04-06 00:30 in Helsinki is still Sunday 21:30 in UTC.
    Clock clock = Clock.fixed(Instant.parse("2020-04-05T21:30:00Z"), ZoneOffset.UTC);
    assertThat(WeeklyRun.resolve("last", "Europe/Helsinki", clock), equalTo("2020-W14"));
    assertThat(WeeklyRun.resolve("last", "UTC", clock), equalTo("2020-W13"));
    assertThat(WeeklyRun.resolve("2020-W53", "UTC", clock), equalTo("2020-W53"));
    // The week after the spring change has 167 hours: Monday 00:30 still means the week before.
    Clock afterSpringChange = Clock.fixed(Instant.parse("2020-03-29T21:30:00Z"), ZoneOffset.UTC);
    assertThat(
        WeeklyRun.resolve("last", "Europe/Helsinki", afterSpringChange), equalTo("2020-W13"));
  }

  @Test
  void aMalformedOrNonexistentWeekIsAUsageErrorWithExitTwo() {
    for (String week : List.of("2020-14", "2021-W53", "W14", "next")) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertThat(week, weekly(tmp.resolve("weekly"), week, err), equalTo(2));
      assertThat(err.toString(StandardCharsets.UTF_8), containsString("--week=" + week));
    }
  }
}
