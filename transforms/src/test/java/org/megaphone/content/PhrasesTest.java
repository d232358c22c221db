package org.megaphone.content;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** D35: whole words, any case, no diacritics, stems with a trailing *. */
class PhrasesTest {

  @Test
  void wordsAreLowerCaseWithoutDiacriticsAndHashtagsAreWords() {
    assertThat(
        Phrases.words("Città di Ivrea: #AndràTuttoBene! Hämäläinen, Ålö"),
        is(List.of("citta", "di", "ivrea", "andratuttobene", "hamalainen", "alo")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "solidar*|Solidarietà a tutti|true",
        "solidar*|Kiitos solidaarisuudesta|false",
        "solidaari*|Kiitos solidaarisuudesta|true",
        "hope|Hopeless times|false",
        "hope*|Hopeless times|true",
        "hope|We hope so|true",
        "andrà tutto bene|andra TUTTO bene 🌈|true",
        "andrà tutto bene|andrà tutto benissimo|false",
        "stay home|Please stay at home|false",
        "stay at home|Please stay at home|true",
        "yhdessä|Yhdessa jaksamme|true",
        "free mask*|Free masks today|true",
        "free mask*|Freemasks today|false",
      })
  void aPhraseMatchesWholeWordsInOrderIgnoringCaseAndAccents(
      String phrase, String text, boolean matches) {
    assertThat(Phrases.Phrase.of(phrase).in(Phrases.words(text)), is(matches));
  }

  @Test
  void styledLettersOfSocialMediaCaptionsAreLetters() {
    assertThat(
        Phrases.words("𝐇𝐨𝐩𝐞 𝘧𝘰𝘳 𝘢𝘭𝘭 ﬁne"), is(List.of("hope", "for", "all", "fine")));
  }

  @Test
  void aStarInsideAWordOrAPhraseWithoutWordsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Phrases.Phrase.of("sol*dar"));
    assertThrows(IllegalArgumentException.class, () -> Phrases.Phrase.of(" !! "));
  }
}
