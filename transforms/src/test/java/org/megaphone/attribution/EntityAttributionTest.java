package org.megaphone.attribution;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.megaphone.model.Account;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.SourceRef;

/** Contract section 4, Entity attribution: five rules, the first that applies. */
class EntityAttributionTest {

  private static Account account(String handle, String entityId, String role, boolean host) {
    return Account.create(
        "youtube",
        handle,
        entityId,
        null,
        role,
        null,
        null,
        "it",
        null,
        List.of(),
        host,
        SourceRef.create("accounts.csv", 2, handle));
  }

  private static final Account CITY_CHANNEL =
      account("comune_ivrea", "ivrea-city", "government", true);
  private static final Account INFLUENCER = account("sanna", "sanna", "influencer", false);

  private static EntityAttribution.Credit credit(String entityId, String reason) {
    return new EntityAttribution.Credit(entityId, reason);
  }

  // rule 1

  @Test
  void overrideWinsOverEverythingElse() {
    assertThat(
        EntityAttribution.attribute("torino", CITY_CHANNEL, Set.of("ivrea-mayor")),
        is(credit("torino", "override")));
    assertThat(
        EntityAttribution.attribute("torino", null, Set.of("a", "b")),
        is(credit("torino", "override")));
  }

  // rule 2

  @Test
  void hostMentioningExactlyOneOtherEntityCreditsThatEntity() {
    assertThat(
        EntityAttribution.attribute(null, CITY_CHANNEL, Set.of("ivrea-mayor")),
        is(credit("ivrea-mayor", "hosted-mention")));
  }

  @Test
  void hostMentioningItselfAndOneOtherEntityCreditsTheOther() {
    assertThat(
        EntityAttribution.attribute(null, CITY_CHANNEL, Set.of("ivrea-city", "ivrea-mayor")),
        is(credit("ivrea-mayor", "hosted-mention")));
  }

  @Test
  void hostMentioningOnlyItselfIsCreditedAsAuthor() {
    assertThat(
        EntityAttribution.attribute(null, CITY_CHANNEL, Set.of("ivrea-city")),
        is(credit("ivrea-city", "author")));
  }

  @Test
  void hostMentioningTwoOtherEntitiesIsCreditedAsAuthor() {
    assertThat(
        EntityAttribution.attribute(null, CITY_CHANNEL, Set.of("ivrea-mayor", "torino")),
        is(credit("ivrea-city", "author")));
  }

  @Test
  void hostMentioningNobodyIsCreditedAsAuthor() {
    assertThat(
        EntityAttribution.attribute(null, CITY_CHANNEL, Set.of()),
        is(credit("ivrea-city", "author")));
  }

  // rule 3

  @Test
  void rosterAuthorThatIsNotAHostKeepsTheCreditEvenWhenMentioningOneOther() {
    assertThat(
        EntityAttribution.attribute(null, INFLUENCER, Set.of("ivrea-mayor")),
        is(credit("sanna", "author")));
  }

  // rule 4

  @Test
  void nonRosterAuthorMentioningExactlyOneEntityCreditsThatEntity() {
    assertThat(
        EntityAttribution.attribute(null, null, Set.of("ivrea-mayor")),
        is(credit("ivrea-mayor", "mention")));
  }

  // rule 5

  @Test
  void nonRosterAuthorMentioningTwoEntitiesIsUnattributedAndAmbiguous() {
    assertThat(
        EntityAttribution.attribute(null, null, Set.of("ivrea-mayor", "torino")),
        is(credit(AttributedPost.UNATTRIBUTED, "ambiguous")));
  }

  @Test
  void nonRosterAuthorMentioningNobodyIsUnattributedWithReasonNone() {
    assertThat(
        EntityAttribution.attribute(null, null, Set.of()), is(credit("(unattributed)", "none")));
  }

  @Test
  void reasonConstantsAreTheContractWords() {
    assertThat(EntityAttribution.OVERRIDE, is("override"));
    assertThat(EntityAttribution.HOSTED_MENTION, is("hosted-mention"));
    assertThat(EntityAttribution.AUTHOR, is("author"));
    assertThat(EntityAttribution.MENTION, is("mention"));
    assertThat(EntityAttribution.AMBIGUOUS, is("ambiguous"));
    assertThat(EntityAttribution.NONE, is("none"));
  }
}
