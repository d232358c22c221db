package org.megaphone.content;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.megaphone.read.InputException;

/** D35: the default lexicon and the choice of a post's language. */
class LexiconTest {
  private static final Lexicon DEFAULT = Lexicon.defaults();

  @Test
  void theDefaultLexiconNamesTheTenThemesTheTeamsAskedAbout() {
    assertThat(
        DEFAULT.names(),
        is(new java.util.TreeSet<>(Set.of(
            "solidarity", "hope", "support_in_need", "free_delivery", "volunteering", "psychological_support",
            "youth_space", "racism", "surveillance", "health_guidance"))));
  }

  @Test
  void finnishSwedishEnglishAndItalianPostsFindTheirThemes() {
    assertThat(DEFAULT.themes("Pidetään huolta toisistamme #yhdessä", "fi"), is(Set.of("solidarity")));
    assertThat(DEFAULT.themes("Kom ihåg att tvätta händerna och håll avstånd", "sv"), is(Set.of("health_guidance")));
    assertThat(DEFAULT.themes("Our volunteers deliver food to the elderly", "en"),
        is(new java.util.TreeSet<>(Set.of("volunteering", "free_delivery", "support_in_need"))));
    assertThat(DEFAULT.themes("Grazie ai volontari che portano la spesa agli anziani #andràtuttobene", "it"),
        is(new java.util.TreeSet<>(Set.of("volunteering", "support_in_need", "hope"))));
  }

  @Test
  void accentsInTheTextOrInTheLexiconDoNotMatter() {
    assertThat(DEFAULT.themes("ANDRA TUTTO BENE", "it"), is(Set.of("hope")));
    assertThat(DEFAULT.themes("Yksinaisyys on raskasta", "fi"), is(Set.of("psychological_support")));
  }

  @Test
  void aPostIsMatchedWithItsOwnLanguageOnly() {
    // "volunteer" is an English word: a Finnish post is matched with the Finnish rows.
    assertThat(DEFAULT.themes("volunteer", "fi"), is(empty()));
    assertThat(DEFAULT.themes("volunteer", "en"), is(Set.of("volunteering")));
  }

  @Test
  void aPostWithoutALanguageOrInAnotherLanguageIsMatchedWithEveryLanguage() {
    assertThat(DEFAULT.themes("vapaaehtoiset ja volunteers", null), is(Set.of("volunteering")));
    assertThat(DEFAULT.themes("Solidarität und solidarity", "de"), is(Set.of("solidarity")));
  }

  @Test
  void aLexiconFileReplacesTheDefaultAndItsErrorsNameTheLine() {
    Lexicon own = Lexicon.parse("# mine\ntheme,language,phrases\nrumours,en,fake news|hoax*\n", "mine.csv");
    assertThat(own.themes("This is a hoax", "en"), is(Set.of("rumours")));
    assertThat(own.themes("solidarity", "en"), is(empty()));
    InputException bad =
        assertThrows(InputException.class, () -> Lexicon.parse("theme,language,phrases\n\nhope,en,\n", "bad.csv"));
    assertThat(bad.getMessage(), containsString("bad.csv line 3"));
    assertThrows(InputException.class, () -> Lexicon.parse("theme,phrases\nhope,hope\n", "cols.csv"));
    assertThat(
        assertThrows(InputException.class, () -> Lexicon.parse("theme,language,phrases\n=cmd|x,en,hope\n", "odd.csv")).getMessage(),
        containsString("odd.csv line 2: theme '=cmd|x' may hold only"));
  }
}
