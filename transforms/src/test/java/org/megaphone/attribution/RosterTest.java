package org.megaphone.attribution;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.beam.sdk.util.SerializableUtils;
import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.megaphone.model.Account;
import org.megaphone.model.SourceRef;
import org.megaphone.read.InputException;

/** Contract section 2 (roster validity), section 4 (Mentions) and decisions D9, D13, D16. */
class RosterTest {

  private static Account account(
      String file,
      long line,
      String platform,
      String handle,
      String entityId,
      String entityName,
      String role,
      String cohort,
      String municipality,
      List<String> aliases) {
    return Account.create(
        platform,
        handle,
        entityId,
        entityName,
        role,
        cohort,
        municipality,
        null,
        null,
        aliases,
        false,
        SourceRef.create(file, line, platform + "," + handle + "," + entityId));
  }

  private static Account account(
      String file, long line, String platform, String handle, String entityId, String role) {
    return account(file, line, platform, handle, entityId, null, role, null, null, List.of());
  }

  /** A roster for the mention tests. */
  private static Roster italianAndFinnishRoster() {
    return Roster.of(
        List.of(
            account(
                "accounts.csv",
                2,
                "instagram",
                "sindaco.ivrea",
                "ivrea-mayor",
                "Stefano Sertoli",
                "mayor",
                "core",
                "Ivrea",
                List.of("Sindaco di Ivrea", "Sindaca di Ivrea")),
            account(
                "accounts.csv",
                3,
                "tiktok",
                "thl_fi",
                "thl",
                "Terveyden ja hyvinvoinnin laitos",
                "government",
                null,
                null,
                List.of()),
            account(
                "accounts.csv",
                4,
                "instagram",
                "citta.torino",
                "torino",
                "Città di Torino",
                "government",
                null,
                null,
                List.of()),
            account("accounts.csv", 5, "youtube", "unicef_fi", "unicef", "organisation")));
  }

  // --- validation ---

  @Test
  void duplicatePlatformAndHandleStopsTheRunNamingTheFileAndBothLines() {
    List<Account> rows =
        List.of(
            account("accounts.csv", 2, "instagram", "sanna", "sanna", "influencer"),
            account("accounts.csv", 3, "tiktok", "sanna", "sanna", "influencer"),
            account("accounts.csv", 7, "instagram", "sanna", "other", "influencer"));

    InputException e = assertThrows(InputException.class, () -> Roster.of(rows));

    assertThat(e.getMessage(), containsString("accounts.csv line 2"));
    assertThat(e.getMessage(), containsString("accounts.csv line 7"));
    assertThat(e.getMessage(), containsString("sanna"));
  }

  @Test
  void duplicateAcrossTwoFilesNamesBothFiles() {
    List<Account> rows =
        List.of(
            account("accounts_b.csv", 2, "x", "thl", "thl", "government"),
            account("accounts_a.csv", 4, "x", "thl", "thl", "government"));

    InputException e = assertThrows(InputException.class, () -> Roster.of(rows));

    assertThat(e.getMessage(), containsString("accounts_a.csv line 4"));
    assertThat(e.getMessage(), containsString("accounts_b.csv line 2"));
  }

  @Test
  void identicalRepeatedRowIsStillADuplicate() {
    Account row = account("accounts.csv", 2, "x", "thl", "thl", "government");
    Account again = account("accounts.csv", 3, "x", "thl", "thl", "government");

    InputException e = assertThrows(InputException.class, () -> Roster.of(List.of(row, again)));

    assertThat(e.getMessage(), containsString("line 2"));
    assertThat(e.getMessage(), containsString("line 3"));
  }

  @Test
  void entityWithTwoRolesStopsTheRunNamingTheFilesAndLines() {
    List<Account> rows =
        List.of(
            account("accounts_a.csv", 2, "instagram", "ivrea", "ivrea", "mayor"),
            account("accounts_b.csv", 4, "tiktok", "ivrea", "ivrea", "influencer"));

    InputException e = assertThrows(InputException.class, () -> Roster.of(rows));

    assertThat(e.getMessage(), containsString("ivrea"));
    assertThat(e.getMessage(), containsString("accounts_a.csv line 2"));
    assertThat(e.getMessage(), containsString("accounts_b.csv line 4"));
    assertThat(e.getMessage(), containsString("mayor"));
    assertThat(e.getMessage(), containsString("influencer"));
  }

  @Test
  void sameHandleOnTwoPlatformsAndOneEntityOnSeveralAccountsAreValid() {
    Roster roster =
        Roster.of(
            List.of(
                account("accounts.csv", 2, "instagram", "sanna", "sanna", "influencer"),
                account("accounts.csv", 3, "tiktok", "sanna", "sanna", "influencer")));

    assertThat(roster.account("instagram", "sanna").getSource().getLine(), is(2L));
    assertThat(roster.account("tiktok", "sanna").getSource().getLine(), is(3L));
    assertThat(roster.account("youtube", "sanna"), is(nullValue()));
    assertThat(roster.hasEntity("sanna"), is(true));
    assertThat(roster.hasEntity("anna"), is(false));
  }

  // --- entity attributes ---

  @Test
  void entityAttributesAreTheFirstNonEmptyInFileThenLineOrder() {
    // Sorted: accounts_a.csv 3, accounts_a.csv 5, accounts_a.csv 7, accounts_b.csv 2.
    List<Account> rows =
        List.of(
            account(
                "accounts_b.csv",
                2,
                "x",
                "h1",
                "e1",
                "Name from B",
                "mayor",
                "core",
                null,
                List.of()),
            account(
                "accounts_a.csv",
                7,
                "tiktok",
                "h2",
                "e1",
                null,
                "mayor",
                "bulletin",
                "Torino",
                List.of()),
            account(
                "accounts_a.csv",
                3,
                "instagram",
                "h3",
                "e1",
                null,
                "mayor",
                null,
                "Ivrea",
                List.of()),
            account(
                "accounts_a.csv",
                5,
                "youtube",
                "h4",
                "e1",
                "Name from A5",
                "mayor",
                null,
                null,
                List.of()));

    Roster roster = Roster.of(rows);

    assertThat(
        roster.entity("e1"),
        is(new Roster.Entity("e1", "Name from A5", "mayor", "bulletin", "Ivrea")));
  }

  @Test
  void lineOrderIsNumericWithinAFile() {
    List<Account> rows =
        List.of(
            account(
                "accounts.csv", 10, "x", "h1", "e1", "Line ten", "mayor", null, null, List.of()),
            account(
                "accounts.csv",
                9,
                "tiktok",
                "h2",
                "e1",
                "Line nine",
                "mayor",
                null,
                null,
                List.of()));

    assertThat(Roster.of(rows).entity("e1").name(), is("Line nine"));
  }

  @Test
  void entityNameDefaultsToEntityIdAndOtherAttributesToNull() {
    Roster roster = Roster.of(List.of(account("accounts.csv", 2, "x", "thl", "thl", "government")));

    assertThat(roster.entity("thl"), is(new Roster.Entity("thl", "thl", "government", null, null)));
  }

  // --- mentions ---

  @Test
  void atHandleMentionsTheEntityOnThePostsPlatform() {
    assertThat(
        italianAndFinnishRoster().mentions("instagram", "Grazie @Sindaco.Ivrea!"),
        contains("ivrea-mayor"));
  }

  @Test
  void atHandleOfAnotherPlatformIsNoMention() {
    Roster roster = italianAndFinnishRoster();

    assertThat(roster.mentions("tiktok", "Grazie @sindaco.ivrea!"), is(empty()));
    assertThat(roster.mentions("instagram", "Kiitos @thl_fi"), is(empty()));
  }

  @Test
  void atHandleIgnoresCaseAndTrailingDots() {
    assertThat(italianAndFinnishRoster().mentions("tiktok", "Kiitos @THL_fi..."), contains("thl"));
  }

  @Test
  void entityNameMentionsIgnoringCaseAndDiacriticsOnAnyPlatform() {
    Roster roster = italianAndFinnishRoster();

    assertThat(
        roster.mentions("facebook", "Oggi la CITTA DI TORINO ringrazia"), contains("torino"));
    assertThat(roster.mentions("x", "Kiitos, terveyden ja HYVINVOINNIN laitos!"), contains("thl"));
  }

  @Test
  void aliasMentionsTheEntity() {
    assertThat(
        italianAndFinnishRoster().mentions("youtube", "La sindacà di ivrea parla oggi"),
        contains("ivrea-mayor"));
  }

  @Test
  void entityIdIsAPhraseWhenNoNameIsGiven() {
    assertThat(
        italianAndFinnishRoster().mentions("instagram", "Lahjoita UNICEF:lle nyt"),
        contains("unicef"));
  }

  @Test
  void nameMustMatchWholeWords() {
    Roster roster = italianAndFinnishRoster();

    assertThat(roster.mentions("instagram", "Il Sindaco di Ivreanord ringrazia"), is(empty()));
    assertThat(roster.mentions("instagram", "Città di Torinese"), is(empty()));
    assertThat(roster.mentions("instagram", "Sindaco oggi di Ivrea"), is(empty()));
  }

  @Test
  void severalEntitiesCanBeMentioned() {
    assertThat(
        italianAndFinnishRoster()
            .mentions("instagram", "@sindaco.ivrea e la Città di Torino insieme"),
        contains("ivrea-mayor", "torino"));
  }

  @Test
  void noTextMentionsNobody() {
    Roster roster = italianAndFinnishRoster();

    assertThat(roster.mentions("instagram", null), is(empty()));
    assertThat(roster.mentions("instagram", ""), is(empty()));
    assertThat(roster.mentions("instagram", "Pese kädet #korona"), is(empty()));
  }

  @Test
  void rosterBuiltFromTheSameRowsInAnotherOrderIsEqual() {
    Account a = account("accounts.csv", 2, "x", "thl", "thl", "government");
    Account b = account("accounts.csv", 3, "x", "anna", "anna", "influencer");

    assertThat(Roster.of(List.of(a, b)), is(Roster.of(List.of(b, a))));
  }

  @Test
  void aSerializedRosterArrivesAsItsRowsRebuiltAndIsOneInstancePerJvm() throws Exception {
    Roster roster =
        Roster.of(
            List.of(
                account("a.csv", 2, "instagram", "anna", "e1", "influencer"),
                account("a.csv", 3, "tiktok", "anna_t", "e1", "influencer")));
    Roster first = SerializableUtils.clone(roster);
    Roster second = SerializableUtils.clone(roster);
    MatcherAssert.assertThat(first, Matchers.sameInstance(second));
    MatcherAssert.assertThat(first.account("tiktok", "anna_t").getEntityId(), Matchers.is("e1"));
    MatcherAssert.assertThat(first.hasEntity("e1"), Matchers.is(true));
  }
}
