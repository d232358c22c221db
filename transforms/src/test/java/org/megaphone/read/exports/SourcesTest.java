package org.megaphone.read.exports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.megaphone.read.InputException;

/** What exports/sources.csv, folder names and file names say about an export. */
class SourcesTest {
  private static final String ZONE = "Europe/Helsinki";

  @Test
  void firstMatchingPatternGivesPlatformHandleAndExportTime() {
    Sources s =
        Sources.parse(
            """
            pattern,platform,handle,exported_at
            yt/*.csv,yt,@SannaMarin,2020-04-30T12:00:00+03:00
            *.csv,ig,other,
            """,
            ZONE);

    ExportFile f = s.describe("yt/Table data.csv", ZONE);

    assertThat(f.path(), is("exports/yt/Table data.csv"));
    assertThat(f.platform(), is("youtube"));
    assertThat(f.handle(), is("sannamarin"));
    assertThat(f.exportedAt(), is("2020-04-30T12:00:00+03:00"));
    assertThat(s.describe("Content.csv", ZONE).handle(), is("other"));
  }

  @Test
  void withoutALineTheFolderNamesTheHandleAndTheFileNameTheDay() {
    ExportFile f = Sources.none().describe("THL_Suomi/IG_export_2020-04-15.csv", ZONE);

    assertThat(f.handle(), is(nullValue()));
    assertThat(f.folder(), is("thl_suomi"));
    assertThat(f.handleOrFolder(), is("thl_suomi"));
    assertThat(f.exportedAt(), is("2020-04-15T23:59:59+03:00"));
  }

  @Test
  void theLastDateInTheNameIsTheExportDayInEitherSpelling() {
    assertThat(
        Sources.none()
            .describe("tweet_activity_metrics_vnk_20200316_20200412_en.csv", ZONE)
            .exportedAt(),
        is("2020-04-12T23:59:59+03:00"));
    assertThat(Sources.none().describe("Content.csv", ZONE).exportedAt(), is(nullValue()));
    assertThat(Sources.none().describe("Content.csv", ZONE).handleOrFolder(), is(nullValue()));
  }

  @Test
  void unknownPlatformInSourcesStopsTheRunNamingTheLine() {
    InputException e =
        assertThrows(
            InputException.class, () -> Sources.parse("pattern,platform\n*.csv,myspace\n", ZONE));
    assertThat(e.getMessage(), containsString("line 2"));
    assertThat(e.getMessage(), containsString("myspace"));
  }
}
