package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract section 4, Weeks: ISO weeks in the dataset zone, labelled by week-based year. */
class WeeksTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
  private static final long HOUR = 3_600_000L;

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({
    "2020-04-01T12:00:00Z, 2020-W14",
    "2020-03-23T00:00:00Z, 2020-W13",
    "2020-03-22T23:59:59Z, 2020-W12",
    "2020-12-31T12:00:00Z, 2020-W53",
    "2021-01-01T12:00:00Z, 2020-W53",
    "2021-01-03T23:59:59Z, 2020-W53",
    "2021-01-04T00:00:00Z, 2021-W01",
    "2019-12-29T23:59:59Z, 2019-W52",
    "2019-12-30T00:00:00Z, 2020-W01",
    "2020-01-01T00:00:00Z, 2020-W01",
    "2020-01-06T00:00:00Z, 2020-W02"
  })
  void labelIsTheIsoWeekOfTheWeekBasedYear(String instant, String week) {
    assertThat(Weeks.label(millis(instant), UTC), is(week));
  }

  @ParameterizedTest
  @CsvSource({
    "2020-W14,true",
    "2020-W53,true",
    "2021-W53,false",
    "2020-W00,false",
    "2020-14,false",
    "W14,false",
    "2020-W1,false"
  })
  void isLabelAcceptsExactlyTheWeeksThatExist(String value, boolean label) {
    assertThat(value, Weeks.isLabel(value), is(label));
  }

  @Test
  void sundayLateEveningLocalIsStillTheOldWeekInHelsinki() {
    // Sunday 2020-03-22 23:30 +02:00
    assertThat(Weeks.label(millis("2020-03-22T21:30:00Z"), HELSINKI), is("2020-W12"));
  }

  @Test
  void mondayMidnightLocalStartsTheNewWeekInHelsinkiWhileUtcIsStillOnSunday() {
    // Monday 2020-03-23 00:00 +02:00 = Sunday 22:00 UTC
    long mondayMidnight = millis("2020-03-22T22:00:00Z");

    assertThat(Weeks.label(mondayMidnight, HELSINKI), is("2020-W13"));
    assertThat(Weeks.label(mondayMidnight, UTC), is("2020-W12"));
  }

  @Test
  void yearBoundaryFollowsTheLocalDate() {
    // Monday 2021-01-04 00:30 in Helsinki, still Sunday 2021-01-03 in UTC.
    long instant = millis("2021-01-03T22:30:00Z");

    assertThat(Weeks.label(instant, HELSINKI), is("2021-W01"));
    assertThat(Weeks.label(instant, UTC), is("2020-W53"));
  }

  @ParameterizedTest(name = "{0} starts on {1}")
  @CsvSource({
    "2020-W14, 2020-03-30",
    "2020-W01, 2019-12-30",
    "2020-W53, 2020-12-28",
    "2021-W01, 2021-01-04",
    "2015-W01, 2014-12-29"
  })
  void mondayOfALabelIsTheFirstDayOfThatIsoWeek(String week, String monday) {
    assertThat(Weeks.monday(week), is(LocalDate.parse(monday)));
  }

  @Test
  void weekBoundsInUtcAreSevenDaysFromMondayMidnight() {
    assertThat(Weeks.startMillis("2020-W53", UTC), is(millis("2020-12-28T00:00:00Z")));
    assertThat(Weeks.endMillis("2020-W53", UTC), is(millis("2021-01-04T00:00:00Z")));
  }

  @Test
  void springDaylightSavingWeekInHelsinkiIs167Hours() {
    long start = Weeks.startMillis("2020-W13", HELSINKI);
    long end = Weeks.endMillis("2020-W13", HELSINKI);

    assertThat(start, is(millis("2020-03-22T22:00:00Z"))); // Mon 23 Mar 00:00 +02:00
    assertThat(end, is(millis("2020-03-29T21:00:00Z"))); // Mon 30 Mar 00:00 +03:00
    assertThat(end - start, is(167 * HOUR));
  }

  @Test
  void autumnDaylightSavingWeekInHelsinkiIs169Hours() {
    long start = Weeks.startMillis("2020-W43", HELSINKI);
    long end = Weeks.endMillis("2020-W43", HELSINKI);

    assertThat(start, is(millis("2020-10-18T21:00:00Z"))); // Mon 19 Oct 00:00 +03:00
    assertThat(end, is(millis("2020-10-25T22:00:00Z"))); // Mon 26 Oct 00:00 +02:00
    assertThat(end - start, is(169 * HOUR));
  }

  @Test
  void endOfAWeekIsTheStartOfTheNext() {
    assertThat(Weeks.endMillis("2020-W13", HELSINKI), is(Weeks.startMillis("2020-W14", HELSINKI)));
    assertThat(Weeks.endMillis("2020-W53", UTC), is(Weeks.startMillis("2021-W01", UTC)));
  }

  @Test
  void weekStartIsInTheWeekAndTheInstantBeforeItIsNot() {
    long start = Weeks.startMillis("2020-W14", HELSINKI);

    assertThat(Weeks.label(start, HELSINKI), is("2020-W14"));
    assertThat(Weeks.label(start - 1, HELSINKI), is("2020-W13"));
  }

  @Test
  void labelUsesAsciiDigitsWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
    Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
    try {
      // A locale whose number formatting uses Thai digits.
      Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));

      assertThat(Weeks.label(millis("2020-04-01T12:00:00Z"), UTC), is("2020-W14"));
    } finally {
      Locale.setDefault(saved);
      Locale.setDefault(Locale.Category.FORMAT, savedFormat);
      Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
    }
  }

  @Test
  void betweenListsEveryWeekAcrossAYearWithAWeek53() {
    assertThat(
        Weeks.between("2020-W52", "2021-W02"),
        is(List.of("2020-W52", "2020-W53", "2021-W01", "2021-W02")));
    assertThat(Weeks.between("2020-W14", "2020-W14"), is(List.of("2020-W14")));
    assertThat(Weeks.between("2020-W15", "2020-W14"), is(List.of()));
  }

  @Test
  void theFastLabelIsWhatStringFormatWrites() {
    Random random = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      LocalDate d = LocalDate.ofEpochDay(random.nextInt(3_000_000) - 700_000);
      String expected =
          String.format(
              Locale.ROOT,
              "%04d-W%02d",
              d.get(IsoFields.WEEK_BASED_YEAR),
              d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      MatcherAssert.assertThat(d.toString(), Weeks.label(d), Matchers.equalTo(expected));
    }
  }

  @Test
  void theLabellerGivesEachInstantItsWeekAcrossDaylightSavingChangesInAnyOrder() {
    ZoneId zone = ZoneId.of("Europe/Helsinki");
    Weeks.Labeller labels = new Weeks.Labeller(zone);
    Random random = new Random(2);
    long t = Instant.parse("2020-03-20T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 5_000; i++) {
      // Mostly forward in small steps (through the change of 29 March), sometimes a jump back.
      t += random.nextInt(10) == 0 ? -random.nextInt(30) * 86_400_000L : random.nextInt(7_200_000);
      MatcherAssert.assertThat(labels.label(t), Matchers.equalTo(Weeks.label(t, zone)));
    }
  }
}
