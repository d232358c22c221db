package org.megaphone.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract section 5: how integers, rates, booleans, timestamps and text cells are written. */
class CellsTest {

  // --- text and the formula guard ---

  @ParameterizedTest
  @ValueSource(strings = {"=SUM(A1:A9)", "+358401234567", "-1", "@sanna", "\tindented", "\rreturn"})
  void textStartingWithAFormulaCharacterGetsALeadingApostrophe(String value) {
    assertThat(Cells.text(value), is("'" + value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"sanna", "'quoted", "#coronafacts", " =not first", "a=b", "\nnewline", "Città"})
  void otherTextIsWrittenAsIs(String value) {
    assertThat(Cells.text(value), is(value));
  }

  @Test
  void nullOrEmptyTextIsTheEmptyCell() {
    assertThat(Cells.text(null), is(""));
    assertThat(Cells.text(""), is(""));
  }

  // --- integers and booleans ---

  @Test
  void integersAreWrittenPlainly() {
    assertThat(Cells.integer(0L), is("0"));
    assertThat(Cells.integer(1234567L), is("1234567"));
    assertThat(Cells.integer(-30L), is("-30"));
    assertThat(Cells.integer(Long.valueOf(42)), is("42"));
    assertThat(Cells.integer((Long) null), is(""));
  }

  @Test
  void booleansAreTrueAndFalse() {
    assertThat(Cells.bool(true), is("true"));
    assertThat(Cells.bool(false), is("false"));
  }

  // --- decimals ---

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0.0078125, 0.007812",
    "0.0078135, 0.007814",
    "0.00781250001, 0.007813",
    "0.0000005, 0.000000",
    "0.0000015, 0.000002",
    "0.25, 0.250000",
    "12, 12.000000",
    "0, 0.000000",
    "1.9999999, 2.000000"
  })
  void decimalsHaveSixPlacesRoundedHalfEven(String value, String written) {
    assertThat(Cells.decimal(new BigDecimal(value)), is(written));
  }

  @Test
  void nullDecimalIsTheEmptyCell() {
    assertThat(Cells.decimal(null), is(""));
  }

  @Test
  void largeDecimalIsNotInScientificNotation() {
    assertThat(Cells.decimal(new BigDecimal("1E+3")), is("1000.000000"));
  }

  // --- ratios ---

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
    "1, 128, 0.007812",
    "1, 3, 0.333333",
    "2, 3, 0.666667",
    "3, 4, 0.750000",
    "0, 5, 0.000000",
    "150, 100, 1.500000"
  })
  void ratioIsTheExactQuotientWithSixDecimals(long numerator, long denominator, String written) {
    assertThat(Cells.ratio(numerator, denominator), is(written));
  }

  @Test
  void ratioWithDenominatorZeroIsEmpty() {
    assertThat(Cells.ratio(5, 0), is(""));
    assertThat(Cells.ratio(0, 0), is(""));
  }

  // --- timestamps ---

  @Test
  void timestampHasSecondsAndTheZoneOffset() {
    long millis = Instant.parse("2020-03-23T07:00:00Z").toEpochMilli();

    assertThat(
        Cells.timestamp(millis, ZoneId.of("Europe/Helsinki")), is("2020-03-23T09:00:00+02:00"));
    assertThat(Cells.timestamp(millis, ZoneId.of("UTC")), is("2020-03-23T07:00:00+00:00"));
  }
}
