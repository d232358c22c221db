package org.megaphone.rules;

import java.util.Comparator;
import org.megaphone.model.Post;

/**
 * Contract section 4, Duplicates: among rows of one (platform, post_id) keep the latest
 * exported_at (missing counts as earliest), then the highest engagement, then the greatest raw
 * record text.
 */
public final class PostDeduplication {
  /** Orders posts so that the one to keep is the greatest. */
  public static final Comparator<Post> PREFERENCE =
      Comparator.comparingLong((Post p) -> p.getExportedAt() == null ? Long.MIN_VALUE : p.getExportedAt())
          .thenComparingLong(Post::engagement)
          .thenComparing(p -> p.getSource().getRecord(), CodePoints.ORDER);

  private PostDeduplication() {}

  /** Positive when {@code a} is to be kept rather than {@code b}. */
  public static int compare(Post a, Post b) {
    return PREFERENCE.compare(a, b);
  }

  public static Post best(Iterable<Post> rows) {
    Post best = null;
    for (Post p : rows) {
      if (best == null || PREFERENCE.compare(p, best) > 0) {
        best = p;
      }
    }
    return best;
  }
}
