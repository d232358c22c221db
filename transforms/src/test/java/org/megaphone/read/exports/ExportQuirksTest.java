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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.megaphone.model.Reject;
import org.megaphone.read.InputException;
import org.megaphone.read.RowRejected;

/**
 * Quirks that real exports have in the wild, each on a fixture in its producer's layout
 * (src/test/resources/exports/quirks/&lt;case&gt;/): the rows it gives, its rejects and what
 * summary.json counts as the file's adjustments.
 */
class ExportQuirksTest {
  private static final Path QUIRKS = Paths.get("src", "test", "resources", "exports", "quirks");
  private static final String ZONE = "Europe/Helsinki";

  @Test
  void tikTokTitlesWithUnescapedQuotesAreRepairedWhenTheFieldCountMatchesAndRejectedOtherwise()
      throws IOException {
    Path dir = QUIRKS.resolve("tiktok-studio-unescaped-quotes");
    ExportProfileFixturesTest.Read read = ExportProfileFixturesTest.readNative(dir);

    assertThat(read.profile(), equalTo("tiktok-studio"));
    ExportProfileFixturesTest.givesTheHandWrittenRows(dir, read);
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
        ExportProfileFixturesTest.readNative(
            Paths.get("src", "test", "resources", "exports", "tiktok-studio"));
    assertThat(read.counts().adjustments(), equalTo(Map.of()));
  }

  @Test
  void negativeNetCountsOfADateRangedYouTubeExportReadAsZeroAndAreCounted() throws IOException {
    Path dir = QUIRKS.resolve("youtube-studio-date-range");
    ExportProfileFixturesTest.Read read = ExportProfileFixturesTest.readNative(dir);

    assertThat(read.profile(), equalTo("youtube-studio-table"));
    ExportProfileFixturesTest.givesTheHandWrittenRows(dir, read);
    // -7 and U+2212 2 in Likes; the Total row's -4 is skipped with its row.
    assertThat(read.counts().adjustments(), equalTo(Map.of(Adjustments.NET_COUNTS_AS_ZERO, 2L)));
    assertThat(read.rejects().size(), equalTo(1));
    assertThat(
        read.rejects().get(0).getReason(),
        equalTo("youtube-studio-table: not a count: likes='a12'"));
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
    RowRejected e =
        Assertions.assertThrows(
            RowRejected.class, () -> ExportValues.netCount("likes", "-12a", row));
    assertThat(e.getMessage(), containsString("likes='-12a'"));
    assertThat(row.adjustments(), equalTo(Map.of(Adjustments.NET_COUNTS_AS_ZERO, 1L)));
  }

  @Test
  void eachAdjustmentHasAWarningThatNamesTheFileAndWhatToDo() {
    List<String> warnings =
        Adjustments.warnings(
            "exports/yt/Table data.csv",
            Map.of(Adjustments.NET_COUNTS_AS_ZERO, 2L, Adjustments.REPAIRED_RECORDS, 0L));
    assertThat(warnings.size(), equalTo(1));
    assertThat(
        warnings.get(0), startsWith("exports/yt/Table data.csv: 2 negative count(s) read as 0"));
    assertThat(warnings.get(0), containsString("Lifetime"));
  }

  @Test
  void aCrowdTangleSearchExportFromBrazilReadsItsBrtTimesAndItsSearchColumns() throws IOException {
    Path dir = QUIRKS.resolve("crowdtangle-search-brt");
    ExportProfileFixturesTest.Read read = ExportProfileFixturesTest.readNative(dir);

    assertThat(read.profile(), equalTo("crowdtangle-facebook"));
    assertThat(read.rejects(), equalTo(List.of()));
    ExportProfileFixturesTest.givesTheHandWrittenRows(dir, read);
    // Post Views "250.431": a Brazilian account's export groups thousands with dots.
    assertThat(read.counts().numberFormat(), equalTo("1.234"));
  }

  @Test
  void anAmbiguousAbbreviationStopsTheRunNamingItsOffsetsAndTheSourcesColumnToSet() {
    InputException e =
        Assertions.assertThrows(
            InputException.class,
            () ->
                ExportProfileFixturesTest.readNative(
                    QUIRKS.resolve("crowdtangle-ist-ambiguous"), Sources.none(), ZONE));
    assertThat(e.getMessage(), containsString("post created='2021-05-20 10:00:00 IST'"));
    assertThat(e.getMessage(), containsString("'IST' stands for more than one offset"));
    assertThat(e.getMessage(), containsString("+05:30"));
    assertThat(e.getMessage(), containsString("+01:00"));
    assertThat(e.getMessage(), containsString("set the zone column of exports/sources.csv"));
  }

  @Test
  void anAmbiguousAbbreviationIsReadInTheZoneThatSourcesCsvNamesForTheFile() throws IOException {
    Path dir = QUIRKS.resolve("crowdtangle-ist-ambiguous");
    Sources sources =
        Sources.parse(
            "pattern,platform,handle,exported_at,zone\n*-IST-*,,,2021-05-26T18:45:58+05:30,Asia/Kolkata\n",
            ZONE);
    ExportProfileFixturesTest.Read read = ExportProfileFixturesTest.readNative(dir, sources, ZONE);

    assertThat(read.rejects(), equalTo(List.of()));
    ExportProfileFixturesTest.givesTheHandWrittenRows(dir, read);
  }

  @Test
  void anAmbiguousAbbreviationIsReadInTimezoneWhenThatZoneUsesIt() throws IOException {
    Path dir = QUIRKS.resolve("crowdtangle-ist-ambiguous");
    Sources sources =
        Sources.parse("pattern,exported_at\n*-IST-*,2021-05-26T18:45:58+05:30\n", "Asia/Kolkata");
    ExportProfileFixturesTest.Read read =
        ExportProfileFixturesTest.readNative(dir, sources, "Asia/Kolkata");

    assertThat(read.rejects(), equalTo(List.of()));
    ExportProfileFixturesTest.givesTheHandWrittenRows(dir, read);
  }

  @Test
  void zoneAbbreviationsReadAsTheOffsetOfTheZonesThatUseThemAtThatTime() {
    ZoneId helsinki = ZoneId.of(ZONE);
    LocalDateTime july = LocalDateTime.of(2021, 7, 5, 18, 2, 45);
    LocalDateTime january = LocalDateTime.of(2021, 1, 10, 12, 0);
    assertThat(
        ZoneAbbreviations.offset("BRT", july, null, helsinki, "t"),
        equalTo(ZoneOffset.ofHours(-3)));
    assertThat(
        ZoneAbbreviations.offset("NZDT", january, null, helsinki, "t"),
        equalTo(ZoneOffset.ofHours(13)));
    assertThat(
        ZoneAbbreviations.offset("NZST", july, null, helsinki, "t"),
        equalTo(ZoneOffset.ofHours(12)));
    assertThat(
        ZoneAbbreviations.offset("SGT", july, null, helsinki, "t"), equalTo(ZoneOffset.ofHours(8)));
    assertThat(
        ZoneAbbreviations.offset("AEST", july, null, helsinki, "t"),
        equalTo(ZoneOffset.ofHours(10)));
    assertThat(
        ZoneAbbreviations.offset("EEST", july, null, helsinki, "t"),
        equalTo(ZoneOffset.ofHours(3)));
    assertThat(
        ZoneAbbreviations.offset("-03", july, null, helsinki, "t"),
        equalTo(ZoneOffset.ofHours(-3)));
    assertThat(
        ZoneAbbreviations.offset("+0530", july, null, helsinki, "t"),
        equalTo(ZoneOffset.ofHoursMinutes(5, 30)));
    // CST is the US's, China's and Cuba's: --timezone decides when it uses it.
    assertThat(
        ZoneAbbreviations.offset("CST", january, null, ZoneId.of("America/Chicago"), "t"),
        equalTo(ZoneOffset.ofHours(-6)));
    assertThat(
        ZoneAbbreviations.offset("CST", january, null, ZoneId.of("Asia/Shanghai"), "t"),
        equalTo(ZoneOffset.ofHours(8)));
    assertThat(
        ZoneAbbreviations.offset("BST", july, null, ZoneId.of("Europe/London"), "t"),
        equalTo(ZoneOffset.ofHours(1)));
    Assertions.assertThrows(
        InputException.class, () -> ZoneAbbreviations.offset("CST", january, null, helsinki, "t"));
    // The file's zone from sources.csv decides an ambiguous one, and never overrides one meaning.
    assertThat(
        ZoneAbbreviations.offset("CST", january, ZoneId.of("America/Havana"), helsinki, "t"),
        equalTo(ZoneOffset.ofHours(-5)));
    assertThat(
        ZoneAbbreviations.offset("BRT", july, helsinki, helsinki, "t"),
        equalTo(ZoneOffset.ofHours(-3)));
  }

  @Test
  void anUnknownAbbreviationStopsTheRunUnlessSourcesCsvNamesTheFilesZone() {
    LocalDateTime t = LocalDateTime.of(2021, 7, 5, 18, 0);
    InputException e =
        Assertions.assertThrows(
            InputException.class,
            () ->
                ZoneAbbreviations.offset(
                    "XYZT", t, null, ZoneId.of(ZONE), "exports/a.csv: post created='x'"));
    assertThat(
        e.getMessage(),
        startsWith("exports/a.csv: post created='x': unknown time zone abbreviation 'XYZT'"));
    assertThat(
        ZoneAbbreviations.offset("XYZT", t, ZoneId.of("America/Sao_Paulo"), ZoneId.of(ZONE), "t"),
        equalTo(ZoneOffset.ofHours(-3)));
    // A cell whose rest is not a time does not end with a zone: it is an unparseable timestamp.
    Assertions.assertThrows(
        RowRejected.class,
        () -> ExportValues.timestamp("t", "23 March", ZoneId.of(ZONE), "uuuu-MM-dd HH:mm:ss"));
  }

  @Test
  void sourcesCsvRefusesAZoneThatIsNoZoneId() {
    InputException e =
        Assertions.assertThrows(
            InputException.class, () -> Sources.parse("pattern,zone\na.csv,Brasilia\n", ZONE));
    assertThat(e.getMessage(), containsString("unknown zone 'Brasilia'"));
  }

  @Test
  void aFilesNumberFormatIsHowItsCountCellsGroupThousands() throws IOException {
    assertThat(ExportValues.grouping("5,431"), equalTo("1,234"));
    assertThat(ExportValues.grouping("407.137"), equalTo("1.234"));
    assertThat(ExportValues.grouping("1\u00a0234\u00a0567"), equalTo("1 234"));
    assertThat(ExportValues.grouping("1234"), nullValue());
    assertThat(ExportValues.grouping("1,4"), nullValue());
    // TikTok's likes "5,431"; a file without grouped counts states none.
    assertThat(
        ExportProfileFixturesTest.readNative(QUIRKS.resolve("tiktok-studio-unescaped-quotes"))
            .counts()
            .numberFormat(),
        equalTo("1,234"));
    assertThat(
        ExportProfileFixturesTest.readNative(
                QUIRKS.resolve("crowdtangle-ist-ambiguous"),
                Sources.parse("pattern,zone\n*IST*,Asia/Kolkata\n", ZONE),
                ZONE)
            .counts()
            .numberFormat(),
        equalTo("1,234"));
  }

  private static final String TIKTOK_HEADER =
      "\"Time\",\"Video title\",\"Video link\",\"Post time\",\"Total likes\",\"Total comments\",\"Total shares\",\"Total views\"\n";

  private static ExportFiles.Counts readTikTok(String rows, List<Reject> rejects) {
    ExportFile file = Sources.none().describe("Content_2020-04-30.csv", ZONE);
    return ExportFiles.parse(file, TIKTOK_HEADER + rows, null, p -> {}, v -> {}, rejects::add);
  }

  @Test
  void aRecordRejectedForANulIsNeverRepairedAndTitlesDoNotCountTowardsTheNumberFormat() {
    List<Reject> rejects = new ArrayList<>();
    ExportFiles.Counts counts =
        readTikTok(
            """
            "April 30","bin\u0000ary","https://www.tiktok.com/@a/video/6805944884661258692","March 19","1","2","3","4"
            "April 30","2.000","https://www.tiktok.com/@a/video/6809324187319195617","March 28","5,431","2","3","4"
            """,
            rejects);
    assertThat(rejects.size(), equalTo(1));
    assertThat(rejects.get(0).getReason(), containsString("NUL"));
    assertThat(counts.adjustments(), equalTo(Map.of()));
    assertThat(counts.numberFormat(), equalTo("1,234"));
  }

  @Test
  void aRepairedFieldReadsADoubledQuoteAsOneAndANegativeZeroIsNoNetCount() {
    assertThat(
        QuoteRepair.split("\"Say \"\"hi\"\" and \"bye\"\"\",x", ',', 2),
        contains("Say \"hi\" and \"bye\"", "x"));
    NativeRow row = new NativeRow(Map.of());
    assertThat(ExportValues.netCount("likes", "-0", row), equalTo("0"));
    assertThat(row.adjustments(), equalTo(Map.of()));
  }

  @Test
  void theFilesZoneResolvesAnAmbiguousAbbreviationInItsKindAndMustUseIt() {
    // 01:30 on 2021-11-07 happens twice in Chicago: CST names the second, standard one.
    LocalDateTime fallBack = LocalDateTime.of(2021, 11, 7, 1, 30);
    assertThat(
        ZoneAbbreviations.offset(
            "CST", fallBack, ZoneId.of("America/Chicago"), ZoneId.of(ZONE), "t"),
        equalTo(ZoneOffset.ofHours(-6)));
    assertThat(
        ZoneAbbreviations.offset(
            "CDT", fallBack, ZoneId.of("America/Chicago"), ZoneId.of(ZONE), "t"),
        equalTo(ZoneOffset.ofHours(-5)));
    InputException e =
        Assertions.assertThrows(
            InputException.class,
            () -> ZoneAbbreviations.offset("IST", fallBack, ZoneId.of(ZONE), ZoneId.of(ZONE), "t"));
    assertThat(
        e.getMessage(),
        containsString(
            "gives this file the zone Europe/Helsinki, which does not use the abbreviation 'IST'"));
    // An offset no zone has is an unparseable timestamp of that row, not a failed run.
    Assertions.assertThrows(
        RowRejected.class,
        () ->
            ExportValues.timestamp(
                "t", "2021-07-05 18:02:45 -99", ZoneId.of(ZONE), "uuuu-MM-dd HH:mm:ss"));
  }
}
