package org.megaphone.stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.megaphone.model.TopPost;
import org.megaphone.weekly.TopPostsWeekly;

/** A week's top rows kept current change by change equal the first rows of all its candidates. */
class RankTopPostsTest {
  private static TopPost post(int id, long engagement, long doubledBaseline) {
    return TopPost.create(
        "2020-W14", "instagram", "p" + id, "anna", "e1", engagement, doubledBaseline, null);
  }

  private static String key(TopPost t) {
    return t.getPlatform() + "\u001f" + t.getPostId();
  }

  /** What the rows are by definition: every candidate sorted, the first TOP of them. */
  private static List<TopPost> sortedTop(Map<String, TopPost> candidates) {
    List<TopPost> all = new ArrayList<>(candidates.values());
    all.sort(new TopPostsWeekly.Ranking().reversed());
    return new ArrayList<>(all.subList(0, Math.min(TopPostsWeekly.TOP, all.size())));
  }

  @Test
  void topRowsKeptChangeByChangeEqualSortingEveryCandidateAfterEachChange() {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      Map<String, TopPost> candidates = new HashMap<>();
      List<TopPost> ranked = List.of();
      int fullReads = 0;
      int changes = 0;
      int posts = 10 + random.nextInt(60); // fewer and more posts than the top rows hold
      for (int step = 0; step < 3000; step++) {
        int id = random.nextInt(posts);
        // Few distinct figures, so that ties on over-performance and on engagement are common.
        TopPost now =
            random.nextInt(5) == 0 ? null : post(id, random.nextInt(12), 1 + random.nextInt(6));
        String key = "instagram\u001fp" + id;
        if (now == null) {
          candidates.remove(key);
        } else {
          candidates.put(key, now);
        }
        int[] reads = {0};
        List<TopPost> next =
            RankTopPosts.ranked(
                ranked,
                key,
                now,
                () -> {
                  reads[0]++;
                  return candidates.values();
                });
        fullReads += reads[0];
        List<TopPost> expected = sortedTop(candidates);
        if (expected.equals(ranked)) {
          assertThat("seed " + seed + " step " + step, next, nullValue());
        } else {
          assertThat("seed " + seed + " step " + step, next, equalTo(expected));
          ranked = next;
          changes++;
        }
        for (TopPost t : ranked) {
          assertThat(candidates.get(key(t)), equalTo(t));
        }
      }
      assertThat(changes, greaterThan(0));
      assertThat(
          "the candidates are read only when a top row fell or left",
          fullReads < 3000,
          equalTo(true));
    }
  }

  @Test
  void aPostBelowTheLastTopRowDoesNotReadTheCandidates() {
    List<TopPost> ranked = new ArrayList<>();
    for (int i = 0; i < TopPostsWeekly.TOP; i++) {
      ranked.add(post(i, 100 - i, 2));
    }
    ranked.sort(new TopPostsWeekly.Ranking().reversed());
    List<TopPost> next =
        RankTopPosts.ranked(
            ranked,
            "instagram\u001fp99",
            post(99, 1, 2),
            () -> {
              throw new AssertionError("read every candidate");
            });
    assertThat(next, nullValue());
  }

  @Test
  void aTopRowThatLeavesIsReplacedByTheBestOtherCandidate() {
    Map<String, TopPost> candidates = new HashMap<>();
    for (int i = 0; i <= TopPostsWeekly.TOP; i++) {
      TopPost t = post(i, 100 - i, 2);
      candidates.put(key(t), t);
    }
    List<TopPost> ranked = sortedTop(candidates);
    candidates.remove("instagram\u001fp0");
    List<TopPost> next = RankTopPosts.ranked(ranked, "instagram\u001fp0", null, candidates::values);
    assertThat(next.get(TopPostsWeekly.TOP - 1).getPostId(), equalTo("p" + TopPostsWeekly.TOP));
    assertThat(next, equalTo(sortedTop(candidates)));
  }
}
