package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.options.UsageException;

/** --from/--to: exactly the weeks in range, with views credited in range to earlier posts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeekRangeTest {
  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
  private Path tmp;

  private Path report(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input=" + Paths.get("..", "testdata", "coronafacts"),
                "--timezone=Europe/Helsinki"));
    args.add("--output=" + tmp.resolve("out" + extra.length));
    args.addAll(List.of(extra));
    return ReportRun.run(Megaphone.parse(args.toArray(new String[0]))).output();
  }

  private Path all;
  private Path range;

  @BeforeAll
  void runs(@TempDir Path dir) {
    tmp = dir;
    all = report();
    range = report("--from=2020-03-30", "--to=2020-W15");
  }

  private static List<String> rows(Path file, int weekColumn, String from, String to)
      throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String week = line.split(",", -1)[weekColumn];
      if (week.compareTo(from) >= 0 && week.compareTo(to) <= 0) {
        kept.add(line);
      }
    }
    return kept;
  }

  @Test
  void aDateSelectsItsIsoWeekAndAWeekLabelItself() {
    assertThat(
        WeekRange.parse("2020-03-30", "2020-W15", HELSINKI),
        equalTo(WeekRange.of("2020-W14", "2020-W15")));
    assertThat(
        WeekRange.parse("2020-04-05", "", HELSINKI), equalTo(WeekRange.of("2020-W14", "9999-W99")));
    assertThat(WeekRange.parse("", "", HELSINKI), equalTo(null));
  }

  @Test
  void aBadValueOrAnEmptyRangeIsAUsageError() {
    assertThrows(UsageException.class, () -> WeekRange.parse("March", "", HELSINKI));
    assertThrows(UsageException.class, () -> WeekRange.parse("2021-W53", "", HELSINKI));
    assertThrows(UsageException.class, () -> WeekRange.parse("2020-W15", "2020-W14", HELSINKI));
  }

  @Test
  void theReportsHoldExactlyTheWeeksInRangeOfTheFullRun() throws IOException {
    for (String report :
        List.of("entities_weekly.csv", "platforms_weekly.csv", "channel_growth.csv")) {
      assertThat(
          report,
          Files.readAllLines(range.resolve(report)),
          equalTo(rows(all.resolve(report), 0, "2020-W14", "2020-W15")));
    }
    assertThat(
        Files.readAllLines(range.resolve("posts_attributed.csv")),
        equalTo(rows(all.resolve("posts_attributed.csv"), 2, "2020-W14", "2020-W15")));
    assertThat(
        Files.readAllLines(range.resolve("rejects.csv")),
        equalTo(Files.readAllLines(all.resolve("rejects.csv"))));
  }

  @Test
  void viewsCreditedInRangeToPostsPublishedBeforeItAreCounted() throws IOException {
    // Entities with no post in the range but views credited in it: their earlier posts' views.
    long fromEarlierPosts = 0;
    for (String line : Files.readAllLines(range.resolve("entities_weekly.csv"))) {
      String[] c = line.split(",", -1);
      if (!c[0].equals("week") && c[6].equals("0") && Long.parseLong(c[13]) > 0) {
        fromEarlierPosts += Long.parseLong(c[13]);
      }
    }
    assertThat(fromEarlierPosts, greaterThan(0L));
  }
}
