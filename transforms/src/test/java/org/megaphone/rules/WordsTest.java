package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 4, Mentions by name, and decision D16: whole words, no case, no diacritics. */
class WordsTest {

  private static boolean mentions(String text, String phrase) {
    return Words.containsPhrase(Words.of(text), Words.of(phrase));
  }

  @Test
  void wordsAreFoldedAndStrippedOfDiacritics() {
    assertThat(Words.of("Città di Torino!"), contains("citta", "di", "torino"));
    assertThat(Words.of("CITTA"), is(Words.of("Città")));
  }

  @Test
  void decomposedAndPrecomposedAccentsGiveTheSameWord() {
    assertThat(Words.of("Citta\u0300"), is(Words.of("Citt\u00e0")));
  }

  @Test
  void sharpSFoldsToDoubleS() {
    assertThat(Words.of("Straße"), contains("strasse"));
  }

  @Test
  void wordsAreRunsOfLettersDigitsAndUnderscore() {
    assertThat(
        Words.of("@sindaco_ivrea: Ivrea-nord, 2020! «Pesekädet»"),
        contains("sindaco_ivrea", "ivrea", "nord", "2020", "pesekadet"));
  }

  @Test
  void nullTextHasNoWords() {
    assertThat(Words.of(null), is(empty()));
  }

  @Test
  void phraseMatchesIgnoringCaseAndDiacritics() {
    assertThat(mentions("Oggi parla la CITTA DI TORINO.", "Città di Torino"), is(true));
    assertThat(mentions("oggi parla la città di torino", "CITTA DI TORINO"), is(true));
  }

  @Test
  void phraseMustBeWholeWords() {
    assertThat(mentions("Il Sindaco di Ivreanord ringrazia", "Sindaco di Ivrea"), is(false));
    assertThat(mentions("Il Vicesindaco di Ivrea ringrazia", "Sindaco di Ivrea"), is(false));
  }

  @Test
  void phraseWordsMustBeConsecutive() {
    assertThat(mentions("Sindaco oggi di Ivrea", "Sindaco di Ivrea"), is(false));
    assertThat(mentions("Ivrea di Sindaco", "Sindaco di Ivrea"), is(false));
  }

  @Test
  void punctuationBetweenPhraseWordsDoesNotMatter() {
    assertThat(mentions("Grazie, Sindaco - di Ivrea!", "Sindaco di Ivrea"), is(true));
    assertThat(mentions("#sindaco-di-ivrea", "Sindaco di Ivrea"), is(true));
  }

  @Test
  void phraseAtStartOrEndOfTextMatches() {
    assertThat(mentions("Sindaco di Ivrea", "Sindaco di Ivrea"), is(true));
    assertThat(mentions("Sindaco di Ivrea: grazie", "Sindaco di Ivrea"), is(true));
    assertThat(mentions("grazie al Sindaco di Ivrea", "Sindaco di Ivrea"), is(true));
  }

  @Test
  void emptyPhraseOrPhraseLongerThanTextNeverMatches() {
    assertThat(Words.containsPhrase(Words.of("Sindaco di Ivrea"), List.of()), is(false));
    assertThat(mentions("Sindaco di", "Sindaco di Ivrea"), is(false));
    assertThat(mentions("", "Ivrea"), is(false));
  }
}
