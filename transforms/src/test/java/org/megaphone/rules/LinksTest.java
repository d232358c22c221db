package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract section 4, Links, and decision D14. */
class LinksTest {

  // --- normalisation, one rule at a time ---

  @Test
  void schemeAndHostAreLowerCasedButThePathKeepsItsCase() {
    assertThat(Links.normalise("HTTPS://THL.FI/Korona/Ohjeet"), is("https://thl.fi/Korona/Ohjeet"));
  }

  @Test
  void leadingWwwOfTheHostIsDropped() {
    assertThat(Links.normalise("https://www.thl.fi/korona"), is("https://thl.fi/korona"));
    assertThat(Links.normalise("https://WWW.THL.FI/korona"), is("https://thl.fi/korona"));
  }

  @Test
  void wwwInsideTheHostIsKept() {
    assertThat(
        Links.normalise("https://news.www.example.org/a"), is("https://news.www.example.org/a"));
  }

  @Test
  void linkWithoutSchemeStartingWithWwwIsReadAsHostWithoutScheme() {
    assertThat(Links.normalise("www.thl.fi/korona"), is("thl.fi/korona"));
    assertThat(Links.normalise("WWW.THL.FI/Korona/"), is("thl.fi/Korona"));
  }

  @Test
  void fragmentIsDropped() {
    assertThat(Links.normalise("https://thl.fi/korona#ohjeet"), is("https://thl.fi/korona"));
    assertThat(Links.normalise("www.thl.fi/korona#ohjeet"), is("thl.fi/korona"));
  }

  @Test
  void trackingParametersAreDroppedWhateverTheirCase() {
    assertThat(
        Links.normalise(
            "https://thl.fi/korona?utm_source=ig&id=7&fbclid=AbC&gclid=x&UTM_Campaign=y&FBCLID=z&GClid=1"),
        is("https://thl.fi/korona?id=7"));
  }

  @Test
  void questionMarkIsDroppedWhenNoParameterRemains() {
    assertThat(
        Links.normalise("https://thl.fi/korona?utm_source=ig&utm_medium=social&fbclid=1"),
        is("https://thl.fi/korona"));
    assertThat(Links.normalise("https://thl.fi/korona?"), is("https://thl.fi/korona"));
  }

  @Test
  void otherParametersKeepTheirOrderAndValues() {
    assertThat(
        Links.normalise("https://thl.fi/haku?q=Korona&utm_term=x&lang=FI"),
        is("https://thl.fi/haku?q=Korona&lang=FI"));
  }

  @Test
  void parameterMerelyStartingWithUtmIsKept() {
    assertThat(Links.normalise("https://thl.fi/a?utmost=1"), is("https://thl.fi/a?utmost=1"));
  }

  @Test
  void trailingSlashOfThePathIsDropped() {
    assertThat(Links.normalise("https://thl.fi/korona/"), is("https://thl.fi/korona"));
    assertThat(Links.normalise("https://thl.fi/"), is("https://thl.fi"));
  }

  @Test
  void trailingSlashIsDroppedBeforeAQueryOrFragment() {
    assertThat(Links.normalise("https://thl.fi/korona/?id=7"), is("https://thl.fi/korona?id=7"));
    assertThat(Links.normalise("https://thl.fi/korona/#top"), is("https://thl.fi/korona"));
    assertThat(Links.normalise("https://thl.fi/?utm_source=ig"), is("https://thl.fi"));
  }

  @Test
  void httpAndHttpsStayDifferent() {
    assertThat(Links.normalise("http://thl.fi/korona"), is("http://thl.fi/korona"));
    assertThat(
        Links.normalise("http://thl.fi/korona"), is(not(Links.normalise("https://thl.fi/korona"))));
  }

  @Test
  void allRulesTogetherMakeVariantsOfOneLinkEqual() {
    String expected = "https://thl.fi/Korona";

    assertThat(
        Links.normalise("HTTPS://WWW.Thl.Fi/Korona/?utm_medium=social&fbclid=IwAR#top"),
        is(expected));
    assertThat(Links.normalise("https://thl.fi/Korona"), is(expected));
    assertThat(Links.normalise("  https://www.thl.fi/Korona/  "), is(expected));
  }

  // --- links in text ---

  @Test
  void linksInTextAreFoundAndNormalised() {
    assertThat(
        Links.inText("Lue lisää: https://www.thl.fi/korona/?utm_source=ig ja WWW.WHO.int/News"),
        contains("https://thl.fi/korona", "who.int/News"));
  }

  @Test
  void linkEndsAtWhitespace() {
    assertThat(
        Links.inText("https://thl.fi/a\thttps://thl.fi/b\nhttp://thl.fi/c"),
        contains("https://thl.fi/a", "https://thl.fi/b", "http://thl.fi/c"));
  }

  @Test
  void linkEndsAtAnyWhitespaceNotOnlyAscii() {
    // U+2003 EM SPACE is whitespace (Character.isWhitespace and Unicode White_Space).
    assertThat(
        Links.inText("https://thl.fi/korona\u2003lue lisää"), contains("https://thl.fi/korona"));
  }

  @ParameterizedTest(name = "trailing {0}")
  @ValueSource(strings = {".", ",", ";", ":", "!", "?", ")", "]", "}", ">", "'", "\""})
  void eachTrailingPunctuationCharacterIsStripped(String punctuation) {
    assertThat(
        Links.inText("Katso https://thl.fi/korona" + punctuation + " nyt"),
        contains("https://thl.fi/korona"));
  }

  @Test
  void runOfTrailingPunctuationIsStripped() {
    assertThat(
        Links.inText("(katso: https://thl.fi/korona?!).\""), contains("https://thl.fi/korona"));
  }

  @Test
  void punctuationInsideTheLinkIsKept() {
    assertThat(
        Links.inText("https://thl.fi/a.b/c,d?x=1. Kiitos"), contains("https://thl.fi/a.b/c,d?x=1"));
  }

  @Test
  void trailingSlashBeforePunctuationIsDroppedToo() {
    assertThat(Links.inText("www.thl.fi/korona/."), contains("thl.fi/korona"));
  }

  @Test
  void sameLinkTwiceIsOneLink() {
    assertThat(
        Links.inText("https://thl.fi/korona ja https://www.thl.fi/korona/"),
        contains("https://thl.fi/korona"));
  }

  @Test
  void textWithoutLinksHasNone() {
    assertThat(Links.inText("Pese kädet. thl.fi ei ole linkki #korona"), is(empty()));
    assertThat(Links.inText(null), is(empty()));
  }

  // --- lists ---

  @Test
  void listIsWhitespaceSeparatedAndEachEntryNormalised() {
    assertThat(
        Links.inList("  https://www.thl.fi/korona/   WWW.WHO.INT\thttp://x.fi/?fbclid=1 "),
        contains("https://thl.fi/korona", "who.int", "http://x.fi"));
  }

  @Test
  void emptyOrNullListHasNoLinks() {
    assertThat(Links.inList(null), is(empty()));
    assertThat(Links.inList("   "), is(empty()));
  }
}
