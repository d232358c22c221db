package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract section 2, Handles: a leading '@' is dropped; handles compare case-insensitively. */
class HandlesTest {

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({
    "@Sanna, sanna",
    "sanna, sanna",
    "SANNA, sanna",
    "'  @Sindaco.Ivrea  ', sindaco.ivrea",
    "comune_di_ivrea, comune_di_ivrea",
    "anna@home, anna@home"
  })
  void leadingAtIsDroppedAndCaseFolded(String handle, String normalised) {
    assertThat(Handles.normalise(handle), is(normalised));
  }

  @ParameterizedTest
  @CsvSource({"@Sanna, sanna", "@SANNA, Sanna", "sanna, @sAnNa"})
  void spellingsOfOneHandleAreEqual(String a, String b) {
    assertThat(Handles.normalise(a), is(Handles.normalise(b)));
  }
}
