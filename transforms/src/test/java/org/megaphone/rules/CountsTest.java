package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract section 2 and decision D4: counters are digits only and fit a signed 64-bit long. */
class CountsTest {

  @Test
  void digitsAreParsed() {
    assertThat(Counts.parseNonNegative("0"), is(0L));
    assertThat(Counts.parseNonNegative("42"), is(42L));
    assertThat(Counts.parseNonNegative("007"), is(7L));
  }

  @Test
  void surroundingWhitespaceIsTrimmed() {
    assertThat(Counts.parseNonNegative(" 1500 "), is(1500L));
  }

  @Test
  void theBoundOfTenToTheTwelfthIsAccepted() {
    assertThat(Counts.parseNonNegative("1000000000000"), is(Counts.MAX));
    assertThat(Counts.parseNonNegative("0001000000000000"), is(Counts.MAX));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1000000000001",
        "9223372036854775807",
        "9223372036854775808",
        "99999999999999999999"
      })
  void countAboveTheBoundIsTooLargeEvenWhenItFitsALong(String value) {
    assertThrows(Counts.TooLarge.class, () -> Counts.parseNonNegative(value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "12a",
        "-3",
        "-0",
        "+5",
        "1.5",
        "1,5",
        "1 000",
        "1e3",
        "0x10",
        "\u0661\u0662",
        "9223372036854775808",
        "99999999999999999999"
      })
  void anythingElseIsAnIllegalArgumentException(String value) {
    assertThrows(IllegalArgumentException.class, () -> Counts.parseNonNegative(value));
  }
}
