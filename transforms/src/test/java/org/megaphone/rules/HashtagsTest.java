package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/** Contract section 4, Hashtags, and decision D15. */
class HashtagsTest {

  @Test
  void hashtagsWithUnicodeLettersAreFound() {
    assertThat(
        Hashtags.inText("Muista: #pesekädet ja #håll_avstånd"),
        contains("pesekädet", "håll_avstånd"));
  }

  @Test
  void hashtagsCompareCaseInsensitively() {
    assertThat(Hashtags.inText("#CoronaFacts"), is(Hashtags.inText("#coronafacts")));
    assertThat(Hashtags.inText("#CoronaFacts"), contains("coronafacts"));
  }

  @Test
  void caseVariantsOfOneTagAreOneTag() {
    assertThat(
        Hashtags.inText("#CoronaFacts #coronafacts #CORONAFACTS #Pesekädet #PESEKÄDET"),
        contains("coronafacts", "pesekädet"));
  }

  @Test
  void sharpSEqualsDoubleS() {
    assertThat(Hashtags.fold("ß"), is(Hashtags.fold("SS")));
    assertThat(Hashtags.inText("#Straße"), is(Hashtags.inText("#STRASSE")));
    assertThat(Hashtags.inText("#Straße"), contains("strasse"));
  }

  @Test
  void tagEndsAtTheFirstCharacterThatIsNotALetterDigitOrUnderscore() {
    assertThat(
        Hashtags.inText("#CoronaFacts! #korona-info #stay_home2020. (#THL)"),
        contains("coronafacts", "korona", "stay_home2020", "thl"));
  }

  @Test
  void digitsOnlyTagIsATag() {
    assertThat(Hashtags.inText("#2020"), contains("2020"));
  }

  @Test
  void hashWithoutLetterIsNoTag() {
    assertThat(Hashtags.inText("# korona, #, #-x"), is(empty()));
  }

  @Test
  void doubledHashStillGivesTheTag() {
    assertThat(Hashtags.inText("##korona"), contains("korona"));
  }

  @Test
  void tagsAreInOrderOfFirstAppearance() {
    assertThat(Hashtags.inText("#b #a #B #c"), contains("b", "a", "c"));
  }

  @Test
  void nullTextHasNoTags() {
    assertThat(Hashtags.inText(null), is(empty()));
  }

  @Test
  void inListTakesSpaceSeparatedTagsWithOptionalHash() {
    assertThat(
        Hashtags.inList("#CoronaFacts  pesekädet ##Extra\tTHL"),
        contains("coronafacts", "pesekädet", "extra", "thl"));
  }

  @Test
  void inListTakesCommaSeparatedCampaignTags() {
    assertThat(
        Hashtags.inList("CoronaFacts,#pesekädet, Straße"),
        contains("coronafacts", "pesekädet", "strasse"));
  }

  @Test
  void listTagEqualsTheSameTagInText() {
    assertThat(Hashtags.inList("PESEKÄDET"), is(Hashtags.inText("Pese kädet! #Pesekädet")));
  }

  @Test
  void emptyOrNullListHasNoTags() {
    assertThat(Hashtags.inList(null), is(empty()));
    assertThat(Hashtags.inList(""), is(empty()));
    assertThat(Hashtags.inList("  # ## "), is(empty()));
  }
}
