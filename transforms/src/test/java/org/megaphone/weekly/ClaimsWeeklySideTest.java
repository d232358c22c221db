package org.megaphone.weekly;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;
import org.megaphone.weekly.ClaimsWeekly.Side;

/**
 * D36, the answer rule: where a post carrying a claim counts in claims_weekly (batch and stream).
 */
class ClaimsWeeklySideTest {

  @Test
  void aPostThatIsNotACampaignPostSpreadsTheClaimWithItsPostsAndItsViews() {
    assertThat(ClaimsWeekly.side(false, false), is(Side.SPREAD));
    assertThat(ClaimsWeekly.side(false, true), is(Side.SPREAD));
  }

  @Test
  void aCampaignPostAnswersTheClaimByItsPublicationAndItsViewsCountNowhere() {
    assertThat(ClaimsWeekly.side(true, false), is(Side.ANSWER));
    assertThat(ClaimsWeekly.side(true, true), is(Side.NONE));
  }
}
