package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract section 2 (Timestamps), section 5 (timestamp cells) and decision D5. */
class TimestampsTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  // --- with an offset ---

  @Test
  void offsetWithColonIsApplied() {
    assertThat(Timestamps.parse("2020-04-01T09:30:00+03:00", UTC), is(at("2020-04-01T06:30:00Z")));
  }

  @Test
  void zuluIsUtcWhateverTheDatasetZone() {
    assertThat(Timestamps.parse("2020-04-01T09:30:00Z", HELSINKI), is(at("2020-04-01T09:30:00Z")));
  }

  @Test
  void offsetOverridesTheDatasetZone() {
    assertThat(
        Timestamps.parse("2020-04-01T09:30:00+00:00", HELSINKI), is(at("2020-04-01T09:30:00Z")));
  }

  @Test
  void offsetWithoutColonIsApplied() {
    assertThat(Timestamps.parse("2020-04-01T09:30:00+0300", UTC), is(at("2020-04-01T06:30:00Z")));
  }

  @Test
  void hoursOnlyOffsetIsApplied() {
    assertThat(Timestamps.parse("2020-04-01T09:30:00+03", UTC), is(at("2020-04-01T06:30:00Z")));
  }

  @Test
  void negativeOffsetIsApplied() {
    assertThat(Timestamps.parse("2020-04-01T09:30:00-04:30", UTC), is(at("2020-04-01T14:00:00Z")));
  }

  @Test
  void offsetWithoutSecondsIsAccepted() {
    assertThat(Timestamps.parse("2020-04-01T09:30+03:00", UTC), is(at("2020-04-01T06:30:00Z")));
  }

  @Test
  void fractionOfASecondIsKeptToTheMillisecond() {
    assertThat(
        Timestamps.parse("2020-04-01T09:30:00.250Z", UTC), is(at("2020-04-01T09:30:00.250Z")));
  }

  // --- local times ---

  @Test
  void localDateTimeWithSpaceIsReadInTheDatasetZone() {
    // 1 April 2020 is summer time in Helsinki: +03:00.
    assertThat(Timestamps.parse("2020-04-01 09:30:00", HELSINKI), is(at("2020-04-01T06:30:00Z")));
  }

  @Test
  void localDateTimeWithTIsReadInTheDatasetZone() {
    assertThat(Timestamps.parse("2020-04-01T09:30:00", HELSINKI), is(at("2020-04-01T06:30:00Z")));
  }

  @Test
  void localDateTimeWithoutSecondsIsReadInTheDatasetZone() {
    assertThat(Timestamps.parse("2020-04-01 09:30", HELSINKI), is(at("2020-04-01T06:30:00Z")));
  }

  @Test
  void localDateTimeInWinterUsesTheWinterOffset() {
    assertThat(Timestamps.parse("2020-03-23 09:00", HELSINKI), is(at("2020-03-23T07:00:00Z")));
  }

  @Test
  void localDateTimeInUtcIsTakenAsIs() {
    assertThat(Timestamps.parse("2020-04-01 09:30:00", UTC), is(at("2020-04-01T09:30:00Z")));
  }

  @Test
  void bareDateIsMidnightInTheDatasetZone() {
    assertThat(Timestamps.parse("2020-04-01", HELSINKI), is(at("2020-03-31T21:00:00Z")));
    assertThat(Timestamps.parse("2020-04-01", UTC), is(at("2020-04-01T00:00:00Z")));
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertThat(Timestamps.parse("  2020-04-01T09:30:00Z ", UTC), is(at("2020-04-01T09:30:00Z")));
  }

  // --- Europe/Helsinki, spring forward on 2020-03-29 at 03:00 local (01:00 UTC) ---

  @Test
  void localTimeJustBeforeTheSpringChangeUsesWinterOffset() {
    assertThat(Timestamps.parse("2020-03-29 02:59:59", HELSINKI), is(at("2020-03-29T00:59:59Z")));
  }

  @Test
  void localTimeAfterTheSpringChangeUsesSummerOffset() {
    assertThat(Timestamps.parse("2020-03-29 04:00:00", HELSINKI), is(at("2020-03-29T01:00:00Z")));
  }

  @Test
  void localTimeInTheSpringGapIsMovedLaterByTheGapAsJavaTimeDoes() {
    // 03:30 does not exist; java.time reads it as 04:30+03:00 (D5).
    assertThat(Timestamps.parse("2020-03-29 03:30", HELSINKI), is(at("2020-03-29T01:30:00Z")));
  }

  @Test
  void bareDatesAroundTheSpringChangeAreLocalMidnights() {
    assertThat(Timestamps.parse("2020-03-29", HELSINKI), is(at("2020-03-28T22:00:00Z")));
    assertThat(Timestamps.parse("2020-03-30", HELSINKI), is(at("2020-03-29T21:00:00Z")));
  }

  @Test
  void localTimeInTheAutumnOverlapUsesTheEarlierOffset() {
    // 2020-10-25 04:00 EEST becomes 03:00 EET; 03:30 happens twice, the first (+03:00) is used.
    assertThat(Timestamps.parse("2020-10-25 03:30", HELSINKI), is(at("2020-10-25T00:30:00Z")));
  }

  // --- invalid values ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "yesterday",
        "2020-02-30",
        "2021-02-29",
        "2020-13-01",
        "2020-04-01T24:00:00Z",
        "2020-04-01T09:60",
        "2020-04-01T09:30:00+25:00",
        "2020-04-01T09:30:00+03:0",
        "2020-04-01T09:30:00 EET",
        "2020-04-01T09",
        "2020-04-01Z",
        "2020-4-1",
        "20200401",
        "01.04.2020",
        "2020/04/01",
        "1585733400"
      })
  void invalidValueIsAnIllegalArgumentException(String value) {
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(value, HELSINKI));
  }

  @Test
  void leapDayIsValid() {
    assertThat(Timestamps.parse("2020-02-29", UTC), is(at("2020-02-29T00:00:00Z")));
  }

  // --- format ---

  @Test
  void formatWritesSecondsAndTheZoneOffset() {
    assertThat(
        Timestamps.format(at("2020-03-23T07:00:00Z").toEpochMilli(), HELSINKI),
        is("2020-03-23T09:00:00+02:00"));
  }

  @Test
  void formatWritesPlusZeroOffsetForUtcNotZ() {
    assertThat(
        Timestamps.format(at("2020-03-23T07:00:00Z").toEpochMilli(), UTC),
        is("2020-03-23T07:00:00+00:00"));
    assertThat(
        Timestamps.format(at("2020-03-23T07:00:00Z").toEpochMilli(), ZoneId.of("UTC")),
        is("2020-03-23T07:00:00+00:00"));
  }

  @Test
  void formatUsesTheOffsetInForceAtThatInstant() {
    assertThat(
        Timestamps.format(at("2020-03-29T00:59:59Z").toEpochMilli(), HELSINKI),
        is("2020-03-29T02:59:59+02:00"));
    assertThat(
        Timestamps.format(at("2020-03-29T01:00:00Z").toEpochMilli(), HELSINKI),
        is("2020-03-29T04:00:00+03:00"));
  }

  @Test
  void formatWritesNegativeOffsets() {
    assertThat(
        Timestamps.format(at("2020-03-23T13:00:00Z").toEpochMilli(), ZoneId.of("America/New_York")),
        is("2020-03-23T09:00:00-04:00"));
  }

  @Test
  void formatDropsMilliseconds() {
    assertThat(
        Timestamps.format(at("2020-03-23T07:00:00.999Z").toEpochMilli(), HELSINKI),
        is("2020-03-23T09:00:00+02:00"));
  }

  @Test
  void formattedTimestampParsesBackToTheSameInstant() {
    long millis = at("2020-10-25T00:30:00Z").toEpochMilli();

    assertThat(
        Timestamps.parse(Timestamps.format(millis, HELSINKI), UTC).toEpochMilli(), is(millis));
  }

  @Test
  void theCommonShapeIsReadAsTheGeneralParserReadsItAndAnythingElseFallsThrough() {
    Random random = new Random(5);
    String[] offsets = {
      "", "Z", "z", "+02:00", "-05:30", "+0530", "+03", "-00:30", "+18:00", "+18:30", " Z", "Z ",
      "+2:00", "x"
    };
    String[] fractions = {"", ".5", ",123", ".123456789", ".1234567890", "."};
    ZoneId zone = ZoneId.of("Europe/Helsinki");
    int fast = 0;
    for (int i = 0; i < 20_000; i++) {
      String v =
          String.format(
              Locale.ROOT,
              "%04d-%02d-%02d%s%02d:%02d:%02d%s%s",
              1990 + random.nextInt(40),
              random.nextInt(14),
              random.nextInt(33),
              random.nextBoolean() ? "T" : " ",
              random.nextInt(26),
              random.nextInt(61),
              random.nextInt(62),
              fractions[random.nextInt(fractions.length)],
              offsets[random.nextInt(offsets.length)]);
      Instant common = Timestamps.parseCommon(v, zone);
      String general;
      try {
        general = Timestamps.parseAny(v, zone).toString();
      } catch (IllegalArgumentException e) {
        general = "rejected";
      }
      if (common != null) {
        fast++;
        MatcherAssert.assertThat(v, common.toString(), Matchers.equalTo(general));
      }
      String parsed;
      try {
        parsed = Timestamps.parse(v, zone).toString();
      } catch (IllegalArgumentException e) {
        parsed = "rejected";
      }
      MatcherAssert.assertThat(v, parsed, Matchers.equalTo(general));
    }
    MatcherAssert.assertThat(fast, Matchers.greaterThan(3_000));
  }
}
