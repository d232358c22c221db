package org.megaphone.rules;

import java.util.Comparator;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Post;

/**
 * Contract section 4, Duplicates: among rows of one (platform, post_id) keep the latest
 * exported_at (missing counts as earliest), then the highest engagement, then the greatest raw
 * record text.
 */
public final class PostDeduplication {
  /** Orders posts so that the one to keep is the greatest. */
  public static final Comparator<Post> PREFERENCE =
      Comparator.comparing((Post p) -> p.getExportedAt(), PostDeduplication::compareExported)
          .thenComparingLong(Post::engagement)
          .thenComparing(p -> p.getSource().getRecord(), CodePoints.ORDER);

  /** The same order for rows already attributed, which carry what it needs. */
  public static final Comparator<AttributedPost> ATTRIBUTED_PREFERENCE =
      Comparator.comparing(
              (AttributedPost p) -> p.getExportedAt(), PostDeduplication::compareExported)
          .thenComparingLong(AttributedPost::engagement)
          .thenComparing(AttributedPost::getRecord, CodePoints.ORDER);

  private PostDeduplication() {}

  /** Missing exported_at counts as earliest. */
  private static int compareExported(Long a, Long b) {
    return Long.compare(a == null ? Long.MIN_VALUE : a, b == null ? Long.MIN_VALUE : b);
  }

  /** Positive when {@code a} is to be kept rather than {@code b}. */
  public static int compare(Post a, Post b) {
    return PREFERENCE.compare(a, b);
  }

  /** Positive when {@code a} is to be kept rather than {@code b}. */
  public static int compare(AttributedPost a, AttributedPost b) {
    return ATTRIBUTED_PREFERENCE.compare(a, b);
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
