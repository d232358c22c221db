package org.megaphone.attribution;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.megaphone.testing.Fixtures.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Reject;
import org.megaphone.model.SourceRef;

/** Contract section 2 (an override's entity_id must exist in the roster), D10, then D9. */
class OverridesTest {
  private static final Roster ROSTER =
      Roster.of(
          List.of(
              account("instagram", "anna", "anna", "influencer", 2),
              account("youtube", "sindaco.ivrea", "ivrea-mayor", "mayor", 3)));

  private static AttributionOverride override(
      String platform, String postId, String entityId, long line) {
    String record = platform + "," + postId + "," + entityId;
    return AttributionOverride.create(
        platform, postId, entityId, SourceRef.create("overrides.csv", line, record));
  }

  private static String show(Reject r) {
    return r.getFile()
        + ":"
        + r.getLine()
        + ":"
        + r.getTable()
        + ":"
        + r.getReason()
        + ":"
        + r.getRecord();
  }

  @Test
  void anOverrideOfAnEntityOfTheRosterIsValid() {
    assertThat(
        Overrides.unknownEntity(ROSTER, override("tiktok", "p2", "ivrea-mayor", 2)).isEmpty(),
        is(true));
  }

  @Test
  void anOverrideOfAnUnknownEntityIsRejectedWithItsRawRecord() {
    Reject reject = Overrides.unknownEntity(ROSTER, override("x", "p3", "ghost", 4)).orElseThrow();

    assertThat(
        show(reject),
        equalTo("overrides.csv:4:overrides:unknown entity_id: entity_id='ghost':x,p3,ghost"));
  }

  @Test
  void anUnknownEntityIsRejectedBeforeDeduplicationSoItNeverOutRanksAValidOverride() {
    List<Reject> rejects = new ArrayList<>();
    Map<String, String> byPost =
        Overrides.validByPost(
            ROSTER,
            List.of(
                override("instagram", "p1", "anna", 2),
                // The greater raw record: it would win the de-duplication of p1's overrides (D9).
                override("instagram", "p1", "zz-unknown", 3),
                override("x", "p3", "ghost", 4)),
            rejects::add);

    assertThat(byPost, equalTo(Map.of("instagram:p1", "anna")));
    assertThat(
        rejects.stream().map(OverridesTest::show).toList(),
        contains(
            "overrides.csv:3:overrides:unknown entity_id: entity_id='zz-unknown':instagram,p1,zz-unknown",
            "overrides.csv:4:overrides:unknown entity_id: entity_id='ghost':x,p3,ghost"));
  }

  @Test
  void validOverridesOfOnePostKeepTheGreatestRawRecord() {
    List<Reject> rejects = new ArrayList<>();
    Map<String, String> byPost =
        Overrides.validByPost(
            ROSTER,
            List.of(
                override("instagram", "p1", "ivrea-mayor", 2),
                override("instagram", "p1", "anna", 3),
                override("tiktok", "p2", "anna", 4)),
            rejects::add);

    assertThat(byPost, equalTo(Map.of("instagram:p1", "ivrea-mayor", "tiktok:p2", "anna")));
    assertThat(rejects, is(empty()));
  }
}
