package org.megaphone.stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.SourceRef;
import org.megaphone.weekly.WeeklyTotals;

/** A post's contributions, and the corrections that keep a stream's sums equal to batch. */
class RetractionsTest {
  private static AttributedPost post(String entity, long likes) {
    return AttributedPost.create(
        "instagram",
        "p1",
        "anna",
        1_000L,
        "2020-W14",
        entity,
        "author",
        false,
        null,
        "fi",
        likes,
        0,
        0,
        0,
        null,
        0L,
        null,
        "raw",
        SourceRef.create("posts.csv", 2, ""),
        null,
        null,
        List.of(),
        List.of());
  }

  private static List<String> shown(List<Contribution> cs) {
    return cs.stream()
        .map(
            c ->
                c.getFactKey()
                    + " posts="
                    + c.getTotals().getPosts()
                    + " likes="
                    + c.getTotals().getLikes()
                    + " views="
                    + c.getTotals().getViews())
        .toList();
  }

  private static WeeklyTotals sum(List<Contribution> cs) {
    WeeklyTotals t = WeeklyTotals.ZERO;
    for (Contribution c : cs) {
      t = t.plus(c.getTotals());
    }
    return t;
  }

  @Test
  void viewsOfAPostNotYetSeenContributeNothing() {
    assertThat(Retractions.facts(null, Map.of(5L, 100L)).values(), empty());
  }

  @Test
  void aSnapshotArrivingOutOfOrderRetractsTheLaterGainAndCreditsBoth() {
    AttributedPost p = post("anna", 1);
    Map<String, Contribution> first = Retractions.facts(p, Map.of(20L, 300L));
    Map<String, Contribution> second = Retractions.facts(p, Map.of(20L, 300L, 10L, 100L));

    List<Contribution> corrections = Retractions.corrections(first, second);

    assertThat(
        shown(corrections),
        contains(
            "view|10|anna|instagram|fi posts=0 likes=0 views=100",
            "view|20|anna|instagram|fi posts=0 likes=0 views=-300",
            "view|20|anna|instagram|fi posts=0 likes=0 views=200"));
    assertThat(
        sum(Retractions.corrections(Map.of(), first)).plus(sum(corrections)).getViews(), is(300L));
  }

  @Test
  void aLaterExportThatChangesTheEntityMovesEveryContribution() {
    Map<String, Contribution> before = Retractions.facts(post("anna", 5), Map.of(20L, 50L));
    Map<String, Contribution> after = Retractions.facts(post("city", 9), Map.of(20L, 50L));

    List<Contribution> corrections = Retractions.corrections(before, after);

    assertThat(
        shown(corrections),
        contains(
            "post|anna|instagram|fi posts=-1 likes=-5 views=0",
            "post|city|instagram|fi posts=1 likes=9 views=0",
            "view|20|anna|instagram|fi posts=0 likes=0 views=-50",
            "view|20|city|instagram|fi posts=0 likes=0 views=50"));
  }

  @Test
  void nothingChangedNothingEmitted() {
    Map<String, Contribution> facts = Retractions.facts(post("anna", 5), Map.of(20L, 50L));
    assertThat(Retractions.corrections(facts, facts), empty());
  }
}
