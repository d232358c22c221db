package org.megaphone.write.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text from the data is escaped for HTML; numbers are written for people. */
class HtmlTest {

  @Test
  void scriptTagsShowAsText() {
    assertThat(Html.text("<script>alert(1)</script>"), is("&lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @Test
  void quotesCannotLeaveAnAttribute() {
    assertThat(
        Html.text("\"><img src=x onerror=alert(1)>"),
        is("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assertThat(Html.text("' onmouseover='alert(1)"), is("&#39; onmouseover=&#39;alert(1)"));
  }

  @Test
  void ampersandsAreEscapedOnceSoEntitiesInTheDataStayText() {
    assertThat(Html.text("Q&A &lt;b&gt;"), is("Q&amp;A &amp;lt;b&amp;gt;"));
  }

  @Test
  void aJavascriptUrlIsPlainTextWithoutMarkup() {
    assertThat(
        Html.text("javascript:alert(document.cookie)"), is("javascript:alert(document.cookie)"));
  }

  @Test
  void onlyPlainWebAddressesBecomeLinks() {
    assertThat(
        Html.safeHref("https://www.instagram.com/p/B-1/?a=1&b=2"),
        is("https://www.instagram.com/p/B-1/?a=1&amp;b=2"));
    assertThat(Html.safeHref("HTTP://example.com"), is("HTTP://example.com"));
    assertThat(Html.safeHref("javascript:alert(1)"), is((String) null));
    assertThat(Html.safeHref(" JavaScript:alert(1)"), is((String) null));
    assertThat(Html.safeHref("data:text/html,<script>"), is((String) null));
    assertThat(Html.safeHref("//evil.example/x"), is((String) null));
    assertThat(
        Html.safeHref("https://x.example/\"onmouseover=\"alert(1)"),
        is("https://x.example/&quot;onmouseover=&quot;alert(1)"));
    assertThat(Html.safeHref("https://x.example/a b"), is((String) null));
    assertThat(Html.safeHref(null), is((String) null));
  }

  @Test
  void emojiAndRightToLeftLettersAreKept() {
    assertThat(Html.text("Kiitos 💛 شكرا תודה"), is("Kiitos 💛 شكرا תודה"));
  }

  @Test
  void bidiOverridesAreDroppedSoAHandleCannotReverseTheTextAroundIt() {
    assertThat(Html.text("\u202Egnp.exe\u202C and \u2067x\u2069"), is("gnp.exe and x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\u0007", "\u001B", "\u0085", "\uD83D", "\uFFFE", "\uFDD0"})
  void charactersAnHtmlDocumentMayNotHoldBecomeTheReplacementCharacter(String bad) {
    assertThat(Html.text("a" + bad + "b"), is("a\uFFFDb"));
  }

  @Test
  void tabsAndNewlinesAreKept() {
    assertThat(Html.text("a\tb\nc"), is("a\tb\nc"));
  }

  @Test
  void nullIsEmpty() {
    assertThat(Html.text(null), is(""));
    assertThat(Html.clipped(null, 5), is(""));
  }

  @Test
  void aLongValueIsClippedWithAnEllipsisAndStillEscaped() {
    String clipped = Html.clipped("<".repeat(10_000), 5);
    assertThat(clipped, is("&lt;&lt;&lt;&lt;…"));
  }

  @Test
  void clippingNeverSplitsAnEmoji() {
    assertThat(Html.clipped("💛💛💛💛", 3), is("💛💛…"));
    assertThat(Html.clipped("💛💛💛", 3), is("💛💛💛"));
  }

  @Test
  void clippingCountsWhatPeopleSeeAsOneCharacter() {
    String family = "👨‍👩‍👧"; // three emoji joined into one
    String flag = "🇫🇮";
    assertThat(Html.clip(family + flag + "abc", 3), is(family + flag + "…"));
    assertThat(Html.clip("e\u0301e\u0301e\u0301", 3), is("e\u0301e\u0301e\u0301"));
    assertThat(Html.clip("e\u0301e\u0301e\u0301e", 3), is("e\u0301e\u0301…"));
  }

  @Test
  void escapingIsIdempotentOnlyForTextWithoutSpecialCharacters() {
    String once = Html.text("<b>");
    assertThat(Html.text(once), not(containsString("<")));
    assertThat(Html.text(once), is("&amp;lt;b&amp;gt;"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"0|0", "999|999", "1000|1,000", "12454935|12,454,935", "-4200|-4,200"})
  void countsHaveThousandSeparators(long value, String expected) {
    assertThat(Html.number(value), is(expected));
  }

  @Test
  void ratiosArePercentagesWithOneDecimal() {
    assertThat(Html.percent(0.0181), is("1.8 %"));
    assertThat(Html.percent(1.0), is("100.0 %"));
    assertThat(Html.percent(null), is(""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"0|0", "950|950", "1000|1k", "1500|1.5k", "2500000|2.5M", "3000000000|3G"})
  void axisLabelsAreCompact(double value, String expected) {
    assertThat(Html.compact(value), is(expected));
  }
}
