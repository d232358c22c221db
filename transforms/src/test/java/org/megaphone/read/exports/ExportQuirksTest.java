package org.megaphone.read.exports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.megaphone.model.Reject;
import org.megaphone.read.RowRejected;
import org.megaphone.read.Tables;
import org.junit.jupiter.api.Assertions;

/**
 * Quirks that real exports have in the wild, each on a fixture in its producer's layout
 * (src/test/resources/exports/quirks/&lt;case&gt;/): the rows it gives, its rejects and what
 * summary.json counts as the file's adjustments.
 */
class ExportQuirksTest {
  private static final Path QUIRKS = Paths.get("src", "test", "resources", "exports", "quirks");
  private static final String ZONE = "Europe/Helsinki";

  private static void givesTheHandWrittenRows(Path dir, ExportProfileFixturesTest.Read read) throws IOException {
    assertThat(
        ExportProfileFixturesTest.comparable(read.posts()),
        equalTo(ExportProfileFixturesTest.comparable(
            ExportProfileFixturesTest.expected(dir, "expected_posts.csv", Tables.posts(ZONE)))));
    assertThat(
        ExportProfileFixturesTest.comparableViews(read.views()),
        equalTo(ExportProfileFixturesTest.comparableViews(
            ExportProfileFixturesTest.expected(dir, "expected_views.csv", Tables.views(ZONE)))));
  }

  @Test
  void tikTokTitlesWithUnescapedQuotesAreRepairedWhenTheFieldCountMatchesAndRejectedOtherwise() throws IOException {
    Path dir = QUIRKS.resolve("tiktok-studio-unescaped-quotes");
    ExportProfileFixturesTest.Read read = ExportProfileFixturesTest.readNative(dir);

    assertThat(read.profile(), equalTo("tiktok-studio"));
    givesTheHandWrittenRows(dir, read);
    // Lines 2, 4 and 5 are repaired; line 6 splits at '", ' into one field too many.
    assertThat(read.counts().adjustments(), equalTo(Map.of(Adjustments.REPAIRED_RECORDS, 3L)));
    assertThat(read.rejects().size(), equalTo(1));
    Reject reject = read.rejects().get(0);
    assertThat(reject.getLine(), equalTo(6L));
    assertThat(reject.getReason(), startsWith("tiktok-studio: malformed CSV record"));
  }

  @Test
  void aStrictlyValidTikTokRecordIsNotCountedAsRepaired() throws IOException {
    ExportProfileFixturesTest.Read read =
        ExportProfileFixturesTest.readNative(Paths.get("src", "test", "resources", "exports", "tiktok-studio"));
    assertThat(read.counts().adjustments(), equalTo(Map.of()));
  }

  @Test
  void negativeNetCountsOfADateRangedYouTubeExportReadAsZeroAndAreCounted() throws IOException {
    Path dir = QUIRKS.resolve("youtube-studio-date-range");
    ExportProfileFixturesTest.Read read = ExportProfileFixturesTest.readNative(dir);

    assertThat(read.profile(), equalTo("youtube-studio-table"));
    givesTheHandWrittenRows(dir, read);
    // -7 and U+2212 2 in Likes; the Total row's -4 is skipped with its row.
    assertThat(read.counts().adjustments(), equalTo(Map.of(Adjustments.NET_COUNTS_AS_ZERO, 2L)));
    assertThat(read.rejects().size(), equalTo(1));
    assertThat(read.rejects().get(0).getReason(), equalTo("youtube-studio-table: not a count: likes='a12'"));
  }

  @Test
  void quoteRepairSplitsOnlyAtQuotesFollowedByTheDelimiterOrTheLineEnd() {
    assertThat(QuoteRepair.split("\"a \"b\" c\",\"d\",e", ',', 3), contains("a \"b\" c", "d", "e"));
    assertThat(QuoteRepair.split("\"x\",,\"\"", ',', 3), contains("x", "", ""));
    assertThat(QuoteRepair.split("\"a\",b,", ',', 3), contains("a", "b", ""));
    assertThat(QuoteRepair.split("\"said \"yes\", then\",b", ',', 2), nullValue());
    assertThat(QuoteRepair.split("\"never closed,b", ',', 2), nullValue());
    assertThat(QuoteRepair.split("\"a\"\n\"b\"", ',', 1), nullValue());
  }

  @Test
  void aNetCountStillRejectsWhatIsNotANumberAfterItsSign() {
    NativeRow row = new NativeRow(Map.of());
    assertThat(ExportValues.netCount("likes", "-1,204", row), equalTo("0"));
    assertThat(ExportValues.netCount("likes", "12", row), equalTo("12"));
    assertThat(ExportValues.netCount("likes", "-", row), nullValue());
    RowRejected e = Assertions.assertThrows(RowRejected.class, () -> ExportValues.netCount("likes", "-12a", row));
    assertThat(e.getMessage(), containsString("likes='-12a'"));
    assertThat(row.adjustments(), equalTo(Map.of(Adjustments.NET_COUNTS_AS_ZERO, 1L)));
  }

  @Test
  void eachAdjustmentHasAWarningThatNamesTheFileAndWhatToDo() {
    List<String> warnings =
        Adjustments.warnings("exports/yt/Table data.csv", Map.of(Adjustments.NET_COUNTS_AS_ZERO, 2L, Adjustments.REPAIRED_RECORDS, 0L));
    assertThat(warnings.size(), equalTo(1));
    assertThat(warnings.get(0), startsWith("exports/yt/Table data.csv: 2 negative count(s) read as 0"));
    assertThat(warnings.get(0), containsString("Lifetime"));
  }
}
