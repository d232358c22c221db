package org.megaphone.read.exports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaphone.read.RowRejected;

/** How exports write counts and times, read into the contract's canonical strings. */
class ExportValuesTest {
  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1234|1234",
        "1,234|1234",
        "1 234|1234",
        "1\u00a0234 567|1234567",
        "424.0|424",
        "1.2K|1200",
        "3M|3000000",
        "2.5k|2500",
        "1.25M|1250000",
        "1.234|1234",
        "12.345.678|12345678",
        "1,2K|1200",
        "424.000|424000",
        "0|0"
      })
  void countsAcceptTheWaysExportsWriteThem(String written, String canonical) {
    assertThat(ExportValues.count("likes", written), is(canonical));
  }

  @Test
  void emptyOrDashIsNotGiven() {
    assertThat(ExportValues.count("likes", ""), is(nullValue()));
    assertThat(ExportValues.count("likes", "-"), is(nullValue()));
    assertThat(ExportValues.count("likes", null), is(nullValue()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"12a", "1,23", "1.5", "-3", "1.2345K", "12,34,567", "424.00", "1.23"})
  void anythingElseIsRejectedNamingTheColumn(String written) {
    RowRejected e = assertThrows(RowRejected.class, () -> ExportValues.count("likes", written));
    assertThat(e.getMessage(), containsString("likes='" + written + "'"));
  }

  @Test
  void sumAddsTheGivenCountsAndIsNullWhenNoneIsGiven() {
    assertThat(ExportValues.sum("likes", "10", "", "1,000", null), is("1010"));
    assertThat(ExportValues.sum("likes", "", null), is(nullValue()));
  }

  @Test
  void timestampsReadZoneAbbreviationsOffsetsAndLocalTime() {
    assertThat(
        ExportValues.timestamp("t", "2020-03-23 09:30:00 EET", HELSINKI, "uuuu-MM-dd HH:mm:ss"),
        is("2020-03-23T09:30:00+02:00"));
    assertThat(
        ExportValues.timestamp("t", "2020-04-01 09:30:00 CEST", HELSINKI, "uuuu-MM-dd HH:mm:ss"),
        is("2020-04-01T10:30:00+03:00"));
    assertThat(
        ExportValues.timestamp("t", "2020-03-23 07:30 +0000", HELSINKI, "uuuu-MM-dd HH:mm"),
        is("2020-03-23T09:30:00+02:00"));
    assertThat(
        ExportValues.timestamp("t", "03/30/2020 09:30", HELSINKI, "MM/dd/uuuu HH:mm"),
        is("2020-03-30T09:30:00+03:00"));
    assertThat(
        ExportValues.timestamp("t", "Mar 23, 2020", HELSINKI, "MMM d, uuuu"),
        is("2020-03-23T00:00:00+02:00"));
  }

  @Test
  void unknownTimestampShapeIsRejectedNamingTheColumn() {
    RowRejected e =
        assertThrows(
            RowRejected.class,
            () ->
                ExportValues.timestamp("publish time", "yesterday", HELSINKI, "MM/dd/uuuu HH:mm"));
    assertThat(e.getMessage(), containsString("publish time='yesterday'"));
  }

  @Test
  void dailyFiguresAreObservedAtTheEndOfTheirDay() {
    assertThat(
        ExportValues.endOfDay("date", "2020-03-29", HELSINKI), is("2020-03-29T23:59:59+03:00"));
  }

  @Test
  void unixSecondsBecomeCanonicalTimestamps() {
    assertThat(
        ExportValues.unixSeconds("unix_timestamp", "1585040400", HELSINKI),
        is("2020-03-24T11:00:00+02:00"));
  }
}
