package org.megaphone.content;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.megaphone.read.InputException;

/** D36: a post carries a claim by one of its phrases or links. */
class ClaimsTest {
  private static final Claims CLAIMS =
      Claims.parse(
          Map.of(
              "claims.csv",
              """
              claim_id,description,phrases,links
              garlic,Garlic cures the virus,garlic cure*|valkosipuli*,
              5g,5G spreads the virus,5g masts,https://www.Example.com/5g-truth/
              """));

  @Test
  void aPhraseOrALinkCarriesTheClaim() {
    assertThat(CLAIMS.carried("Eat GARLIC, it cures everything", null), is(empty()));
    assertThat(CLAIMS.carried("Garlic cures it!", null), is(Set.of("garlic")));
    assertThat(CLAIMS.carried("Valkosipulia joka päivä", null), is(Set.of("garlic")));
    assertThat(CLAIMS.carried("read this", "http://example.com/5g-truth/part-2"), is(Set.of("5g")));
    assertThat(CLAIMS.carried("see example.com/5G-TRUTH", null), is(Set.of("5g")));
    assertThat(
        CLAIMS.carried("5G masts and garlic cures", null),
        is(new TreeSet<>(Set.of("5g", "garlic"))));
  }

  @Test
  void noClaimsFileMeansNoClaims() {
    assertThat(Claims.NONE.carried("garlic cures", null), is(empty()));
  }

  @Test
  void aClaimWithoutIdTwiceOrWithNothingToRecogniseItByStopsTheRun() {
    assertThat(
        assertThrows(
                InputException.class, () -> Claims.parse(Map.of("c.csv", "claim_id,phrases\n,x\n")))
            .getMessage(),
        containsString("c.csv line 2: claim_id is required"));
    assertThat(
        assertThrows(
                InputException.class,
                () -> Claims.parse(Map.of("c.csv", "claim_id,phrases\na,x\na,y\n")))
            .getMessage(),
        containsString("c.csv line 3: claim a is listed twice (also at c.csv line 2)"));
    assertThat(
        assertThrows(
                InputException.class,
                () -> Claims.parse(Map.of("c.csv", "claim_id,links\na,https://www./\n")))
            .getMessage(),
        containsString("c.csv line 2: link 'https://www./' names no address"));
    assertThat(
        assertThrows(
                InputException.class,
                () -> Claims.parse(Map.of("c.csv", "claim_id,description\na,nothing\n")))
            .getMessage(),
        containsString("neither phrases nor links"));
  }
}
