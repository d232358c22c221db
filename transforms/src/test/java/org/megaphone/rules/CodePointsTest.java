package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decision D24: strings are compared by Unicode code point. */
class CodePointsTest {
  private static final String BMP_LAST = "\uFFFF";
  private static final String EMOJI = "\uD83D\uDE00"; // U+1F600

  @Test
  void equalStringsCompareEqual() {
    assertThat(CodePoints.compare("ivrea", "ivrea"), is(0));
    assertThat(CodePoints.compare("", ""), is(0));
  }

  @Test
  void firstDifferingCodePointDecides() {
    assertThat(CodePoints.compare("a", "b"), is(lessThan(0)));
    assertThat(CodePoints.compare("b", "a"), is(greaterThan(0)));
    assertThat(CodePoints.compare("Z", "a"), is(lessThan(0)));
    assertThat(CodePoints.compare("z", "é"), is(lessThan(0)));
  }

  @Test
  void prefixComesFirst() {
    assertThat(CodePoints.compare("ab", "abc"), is(lessThan(0)));
    assertThat(CodePoints.compare("abc", "ab"), is(greaterThan(0)));
    assertThat(CodePoints.compare("", "a"), is(lessThan(0)));
  }

  @Test
  void supplementaryCharacterIsAfterTheLastBmpCharacterUnlikeStringCompareTo() {
    assertThat(CodePoints.compare(BMP_LAST, EMOJI), is(lessThan(0)));
    assertThat(CodePoints.compare(EMOJI, BMP_LAST), is(greaterThan(0)));
    assertThat(BMP_LAST.compareTo(EMOJI), is(greaterThan(0)));
  }

  @Test
  void supplementaryCharactersCompareByCodePoint() {
    assertThat(CodePoints.compare("\uD83D\uDE00", "\uD83D\uDE01"), is(lessThan(0)));
    assertThat(CodePoints.compare("a" + EMOJI + "b", "a" + EMOJI + "c"), is(lessThan(0)));
  }

  @Test
  void orderSortsAListByCodePoint() {
    List<String> values = new ArrayList<>(List.of(EMOJI, "b", BMP_LAST, "B", "é", "a", "ab"));

    values.sort(CodePoints.ORDER);

    assertThat(values, contains("B", "a", "ab", "b", "é", BMP_LAST, EMOJI));
  }
}
