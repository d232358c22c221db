package org.megaphone.content;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.megaphone.read.InputException;

/** D35: the default lexicon and the choice of a post's language. */
class LexiconTest {
  private static final Lexicon DEFAULT = Lexicon.defaults();

  @Test
  void theDefaultLexiconNamesTheTenThemesTheTeamsAskedAbout() {
    assertThat(
        DEFAULT.names(),
        is(
            new TreeSet<>(
                Set.of(
                    "solidarity",
                    "hope",
                    "support_in_need",
                    "free_delivery",
                    "volunteering",
                    "psychological_support",
                    "youth_space",
                    "racism",
                    "surveillance",
                    "health_guidance"))));
  }

  @Test
  void finnishSwedishEnglishAndItalianPostsFindTheirThemes() {
    assertThat(
        DEFAULT.themes("Pidetään huolta toisistamme #yhdessä", "fi"), is(Set.of("solidarity")));
    assertThat(
        DEFAULT.themes("Kom ihåg att tvätta händerna och håll avstånd", "sv"),
        is(Set.of("health_guidance")));
    assertThat(
        DEFAULT.themes("Our volunteers deliver food to the elderly", "en"),
        is(new TreeSet<>(Set.of("volunteering", "free_delivery", "support_in_need"))));
    assertThat(
        DEFAULT.themes(
            "Grazie ai volontari che portano la spesa agli anziani #andràtuttobene", "it"),
        is(new TreeSet<>(Set.of("volunteering", "support_in_need", "hope"))));
  }

  @Test
  void accentsInTheTextOrInTheLexiconDoNotMatter() {
    assertThat(DEFAULT.themes("ANDRA TUTTO BENE", "it"), is(Set.of("hope")));
    assertThat(
        DEFAULT.themes("Yksinaisyys on raskasta", "fi"), is(Set.of("psychological_support")));
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
    Lexicon own =
        Lexicon.parse("# mine\ntheme,language,phrases\nrumours,en,fake news|hoax*\n", "mine.csv");
    assertThat(own.themes("This is a hoax", "en"), is(Set.of("rumours")));
    assertThat(own.themes("solidarity", "en"), is(empty()));
    InputException bad =
        assertThrows(
            InputException.class,
            () -> Lexicon.parse("theme,language,phrases\n\nhope,en,\n", "bad.csv"));
    assertThat(bad.getMessage(), containsString("bad.csv line 3"));
    assertThrows(
        InputException.class, () -> Lexicon.parse("theme,phrases\nhope,hope\n", "cols.csv"));
    assertThat(
        assertThrows(
                InputException.class,
                () -> Lexicon.parse("theme,language,phrases\n=cmd|x,en,hope\n", "odd.csv"))
            .getMessage(),
        containsString("odd.csv line 2: theme '=cmd|x' may hold only"));
  }

  @Test
  void theIndexedMatchFindsWhatTryingEveryPhraseAtEveryWordFinds() {
    String csv =
        """
        theme,language,phrases
        hope,en,hope|better days|toivo*
        care,en,stay home|care*|home care
        solidarity,fi,solidar*|yhdessa|pidetaan huolta
        hope,fi,toivo*|valoa
        """;
    Lexicon lexicon = Lexicon.parse(csv, "test.csv");
    Map<String, Map<String, List<String>>> phrases =
        Map.of(
            "en",
                Map.of(
                    "hope",
                    List.of("hope", "better days", "toivo*"),
                    "care",
                    List.of("stay home", "care*", "home care")),
            "fi",
                Map.of(
                    "solidarity",
                    List.of("solidar*", "yhdessa", "pidetaan huolta"),
                    "hope",
                    List.of("toivo*", "valoa")));
    String[] vocabulary = {
      "hope",
      "better",
      "days",
      "toivoa",
      "toivo",
      "stay",
      "home",
      "care",
      "carers",
      "ca",
      "solidarity",
      "solidaarisuus",
      "yhdessä",
      "pidetään",
      "huolta",
      "valoa",
      "x"
    };
    Random random = new Random(9);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = random.nextInt(8); w > 0; w--) {
        text.append(vocabulary[random.nextInt(vocabulary.length)])
            .append(random.nextBoolean() ? " " : ", ");
      }
      String language = new String[] {"en", "fi", "sv", null}[random.nextInt(4)];
      List<String> words = Phrases.words(text.toString());
      SortedSet<String> expected = new TreeSet<>();
      phrases.forEach(
          (lang, themes) -> {
            if (language != null && phrases.containsKey(language) && !lang.equals(language)) {
              return;
            }
            themes.forEach(
                (theme, list) -> {
                  if (list.stream().anyMatch(p -> Phrases.Phrase.of(p).in(words))) {
                    expected.add(theme);
                  }
                });
          });
      assertEquals(
          expected, lexicon.themes(text.toString(), language), text + " (" + language + ")");
    }
  }
}
