package org.megaphone.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.megaphone.model.AttributedPost;
import org.megaphone.rules.ViewGains;
import org.megaphone.weekly.WeeklyTotals;

/**
 * The contract's rules for one post, made incremental: what the post contributes given what has
 * arrived so far, and the corrections that turn what was already emitted into that. A later export
 * of the post, or a snapshot that arrives out of order, changes earlier contributions; the
 * corrections retract them exactly, so sums over everything emitted equal the batch result whatever
 * the arrival order.
 */
public final class Retractions {
  /** How the fact key of a view gain starts. */
  public static final String VIEW = "view|";

  private Retractions() {}

  /**
   * The contributions of a post (null while only its views have arrived) with its distinct
   * snapshots (instant to highest views): its publication, and every snapshot's gain.
   */
  public static Map<String, Contribution> facts(AttributedPost post, Map<Long, Long> snapshots) {
    Map<String, Contribution> facts = new LinkedHashMap<>();
    if (post == null) {
      return facts;
    }
    String dims =
        post.getEntityId()
            + "|"
            + post.getPlatform()
            + "|"
            + (post.getLanguage() == null ? "" : post.getLanguage());
    facts.put(
        "post|" + dims,
        Contribution.of("post|" + dims, post.getPublishedAt(), post, WeeklyTotals.ofPost(post)));
    for (ViewGains.Gain g : ViewGains.gains(new TreeMap<>(snapshots))) {
      String key = VIEW + g.observedAt() + "|" + dims;
      facts.put(key, Contribution.of(key, g.observedAt(), post, WeeklyTotals.ofViews(g.views())));
    }
    return facts;
  }

  /** The corrections that turn the emitted contributions into the current ones. */
  public static List<Contribution> corrections(
      Map<String, Contribution> emitted, Map<String, Contribution> current) {
    List<Contribution> out = new ArrayList<>();
    for (String key : new TreeSet<>(union(emitted, current))) {
      Contribution before = emitted.get(key);
      Contribution now = current.get(key);
      if (before != null && before.equals(now)) {
        continue;
      }
      if (before != null) {
        out.add(before.withTotals(before.getTotals().negate()));
      }
      if (now != null) {
        out.add(now);
      }
    }
    return out;
  }

  private static List<String> union(Map<String, Contribution> a, Map<String, Contribution> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }
}
