package org.megaphone.attribution;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.megaphone.model.Bulletin;
import org.megaphone.model.SourceRef;

/** Contract section 4, Campaign post and Bulletin attribution; decision D18. */
class CampaignsTest {
  private static final long WEEK = Duration.ofDays(7).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long SENT = Instant.parse("2020-03-23T09:00:00Z").toEpochMilli();

  private static Bulletin bulletin(
      String id, long sentAt, String language, List<String> hashtags, List<String> links) {
    return Bulletin.create(
        id,
        "coronafacts",
        sentAt,
        language,
        100L,
        hashtags,
        links,
        "title " + id,
        SourceRef.create("bulletins.csv", 2, id));
  }

  private static Campaigns campaigns(Bulletin... bulletins) {
    return new Campaigns(List.of(bulletins), Set.of(), WEEK);
  }

  private static Campaigns.Marks text(String text) {
    return Campaigns.Marks.of(text, null);
  }

  private static String idOf(Bulletin b) {
    return b == null ? null : b.getBulletinId();
  }

  // --- marks ---

  @Test
  void marksHoldFoldedHashtagsAndNormalisedLinksOfUrlAndText() {
    Campaigns.Marks marks =
        Campaigns.Marks.of(
            "#CoronaFacts lue https://www.thl.fi/korona/.",
            "HTTPS://WWW.WHO.INT/news?utm_source=x");

    assertThat(marks.hashtags(), contains("coronafacts"));
    assertThat(marks.links(), contains("https://who.int/news", "https://thl.fi/korona"));
  }

  // --- isCampaign ---

  @Test
  void postWithABulletinHashtagIsACampaignPostWhateverItsCase() {
    Campaigns c = campaigns(bulletin("B1", SENT, "fi", List.of("coronafacts"), List.of()));

    assertThat(c.isCampaign(text("Muista #CoronaFacts!")), is(true));
    assertThat(c.isCampaign(text("Muista #korona")), is(false));
  }

  @Test
  void postWithACampaignTagOptionIsACampaignPost() {
    Campaigns c =
        new Campaigns(
            List.of(bulletin("B1", SENT, "fi", List.of("coronafacts"), List.of())),
            Set.of("pesekädet"),
            WEEK);

    assertThat(c.isCampaign(text("#PESEKÄDET")), is(true));
  }

  @Test
  void campaignTagOptionWorksWithoutAnyBulletin() {
    Campaigns c = new Campaigns(List.of(), Set.of("pesekädet"), WEEK);

    assertThat(c.isCampaign(text("#Pesekädet")), is(true));
    assertThat(c.bulletinFor(text("#Pesekädet"), SENT, "fi"), is(nullValue()));
  }

  @Test
  void theOptionsGiveTheCampaignTagsAsBulletinHashtagsAreSplitAndTheWindowAsADuration() {
    Bulletin b1 = bulletin("B1", SENT, "fi", List.of("coronafacts"), List.of());

    assertThat(
        Campaigns.of(List.of(b1), "#PeseKädet, Straße #extra", "PT36H"),
        is(new Campaigns(List.of(b1), Set.of("pesekädet", "strasse", "extra"), 36 * HOUR)));
    assertThat(Campaigns.of(List.of(b1), "", "P7D"), is(campaigns(b1)));

    Campaigns c = Campaigns.of(List.of(b1), "pesekädet", "PT36H");
    assertThat(c.isCampaign(text("#PESEKÄDET")), is(true));
    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT + 36 * HOUR - 1, "fi")), is("B1"));
    assertThat(c.bulletinFor(text("#coronafacts"), SENT + 36 * HOUR, "fi"), is(nullValue()));
  }

  @Test
  void postWhoseUrlNormalisesToABulletinLinkIsACampaignPost() {
    Campaigns c =
        campaigns(bulletin("B1", SENT, "fi", List.of(), List.of("https://thl.fi/korona")));

    assertThat(
        c.isCampaign(
            Campaigns.Marks.of("Lue lisää", "HTTPS://www.THL.fi/korona/?utm_source=ig&fbclid=x#a")),
        is(true));
  }

  @Test
  void postWithABulletinLinkInItsTextIsACampaignPost() {
    Campaigns c =
        campaigns(bulletin("B1", SENT, "fi", List.of(), List.of("https://thl.fi/korona")));

    assertThat(c.isCampaign(text("Lue: https://thl.fi/korona#ohjeet.")), is(true));
  }

  @Test
  void otherLinksAndOtherSchemesAreNotCampaignLinks() {
    Campaigns c =
        campaigns(bulletin("B1", SENT, "fi", List.of(), List.of("https://thl.fi/korona")));

    assertThat(c.isCampaign(text("https://thl.fi/rokotteet")), is(false));
    assertThat(c.isCampaign(text("http://thl.fi/korona")), is(false));
    assertThat(c.isCampaign(Campaigns.Marks.of(null, null)), is(false));
  }

  // --- bulletinFor: window ---

  @Test
  void windowStartIsInclusive() {
    Campaigns c = campaigns(bulletin("B1", SENT, "fi", List.of("coronafacts"), List.of()));

    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT, "fi")), is("B1"));
  }

  @Test
  void lastMillisecondOfTheWindowIsInside() {
    Campaigns c = campaigns(bulletin("B1", SENT, "fi", List.of("coronafacts"), List.of()));

    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT + WEEK - 1, "fi")), is("B1"));
  }

  @Test
  void windowEndIsExclusive() {
    Campaigns c = campaigns(bulletin("B1", SENT, "fi", List.of("coronafacts"), List.of()));

    assertThat(c.bulletinFor(text("#coronafacts"), SENT + WEEK, "fi"), is(nullValue()));
  }

  @Test
  void postBeforeTheBulletinWasSentHasNoBulletin() {
    Campaigns c = campaigns(bulletin("B1", SENT, "fi", List.of("coronafacts"), List.of()));

    assertThat(c.bulletinFor(text("#coronafacts"), SENT - 1, "fi"), is(nullValue()));
  }

  @Test
  void windowIsAFixedDurationAcrossADaylightSavingChange() {
    // Sent Mon 2020-03-23 09:00 Helsinki (+02:00); 168 h later is Mon 2020-03-30 10:00 local.
    long sent = Instant.parse("2020-03-23T07:00:00Z").toEpochMilli();
    Campaigns c = campaigns(bulletin("B1", sent, "fi", List.of("coronafacts"), List.of()));

    assertThat(
        idOf(
            c.bulletinFor(
                text("#coronafacts"), Instant.parse("2020-03-30T06:59:59Z").toEpochMilli(), "fi")),
        is("B1"));
    assertThat(
        c.bulletinFor(
            text("#coronafacts"), Instant.parse("2020-03-30T07:00:00Z").toEpochMilli(), "fi"),
        is(nullValue()));
  }

  @Test
  void onlyBulletinsThatShareAHashtagOrLinkWithThePostAreCandidates() {
    Campaigns c =
        campaigns(
            bulletin("B1", SENT, "fi", List.of("coronafacts"), List.of()),
            bulletin(
                "B2",
                SENT + HOUR,
                "fi",
                List.of("pesekädet"),
                List.of("https://thl.fi/kasienpesu")));

    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT + 2 * HOUR, "fi")), is("B1"));
    assertThat(
        idOf(c.bulletinFor(text("https://www.thl.fi/kasienpesu/"), SENT + 2 * HOUR, "fi")),
        is("B2"));
  }

  @Test
  void bulletinOutsideItsWindowIsSkippedForAnOlderOneInside() {
    Campaigns c =
        campaigns(
            bulletin("B1", SENT, "fi", List.of("coronafacts"), List.of()),
            bulletin("B2", SENT + 3 * HOUR, "fi", List.of("coronafacts"), List.of()));

    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT + 2 * HOUR, "fi")), is("B1"));
  }

  // --- bulletinFor: preference ---

  @Test
  void bulletinInThePostsLanguageIsPreferredOverALaterOne() {
    Campaigns c =
        campaigns(
            bulletin("B-fi", SENT, "fi", List.of("coronafacts"), List.of()),
            bulletin("B-sv", SENT + HOUR, "sv", List.of("coronafacts"), List.of()));

    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT + 2 * HOUR, "fi")), is("B-fi"));
    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT + 2 * HOUR, "sv")), is("B-sv"));
  }

  @Test
  void withoutALanguageMatchTheLatestSentBulletinWins() {
    Campaigns c =
        campaigns(
            bulletin("B-fi", SENT + HOUR, "fi", List.of("coronafacts"), List.of()),
            bulletin("B-sv", SENT, "sv", List.of("coronafacts"), List.of()));

    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT + 2 * HOUR, "en")), is("B-fi"));
    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT + 2 * HOUR, null)), is("B-fi"));
  }

  @Test
  void bulletinWithoutLanguageIsNeverInThePostsLanguage() {
    // If a missing language matched a missing language, the older B-none would win.
    Campaigns c =
        campaigns(
            bulletin("B-none", SENT, null, List.of("coronafacts"), List.of()),
            bulletin("B-en", SENT + HOUR, "en", List.of("coronafacts"), List.of()));

    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT + 2 * HOUR, null)), is("B-en"));
  }

  @Test
  void languageMatchComesBeforeLatestSentAt() {
    Campaigns c =
        campaigns(
            bulletin("B1", SENT, "it", List.of("coronafacts"), List.of()),
            bulletin("B2", SENT + HOUR, null, List.of("coronafacts"), List.of()),
            bulletin("B3", SENT + 2 * HOUR, "fi", List.of("coronafacts"), List.of()));

    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT + 3 * HOUR, "it")), is("B1"));
  }

  @Test
  void sameLanguageAndSentAtThenSmallestBulletinIdByCodePoint() {
    Campaigns c =
        campaigns(
            bulletin("B9", SENT, "fi", List.of("coronafacts"), List.of()),
            bulletin("B10", SENT, "fi", List.of("coronafacts"), List.of()),
            bulletin("C1", SENT, "fi", List.of("coronafacts"), List.of()));

    // "B10" < "B9" < "C1" by code point.
    assertThat(idOf(c.bulletinFor(text("#coronafacts"), SENT + HOUR, "fi")), is("B10"));
  }

  @Test
  void tieBreakDoesNotDependOnBulletinOrder() {
    Bulletin b9 = bulletin("B9", SENT, "fi", List.of("coronafacts"), List.of());
    Bulletin b10 = bulletin("B10", SENT, "fi", List.of("coronafacts"), List.of());

    assertThat(idOf(campaigns(b9, b10).bulletinFor(text("#coronafacts"), SENT, "fi")), is("B10"));
    assertThat(idOf(campaigns(b10, b9).bulletinFor(text("#coronafacts"), SENT, "fi")), is("B10"));
  }

  @Test
  void postMatchingByLinkAndByTagConsidersBothBulletins() {
    Campaigns c =
        campaigns(
            bulletin("B1", SENT, "fi", List.of("coronafacts"), List.of()),
            bulletin("B2", SENT + HOUR, "fi", List.of(), List.of("https://thl.fi/korona")));

    assertThat(
        idOf(
            c.bulletinFor(
                Campaigns.Marks.of("#coronafacts", "https://thl.fi/korona"),
                SENT + 2 * HOUR,
                "fi")),
        is("B2"));
  }
}
