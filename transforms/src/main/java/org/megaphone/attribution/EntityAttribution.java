package org.megaphone.attribution;

import java.util.Set;
import java.util.TreeSet;
import org.megaphone.model.Account;
import org.megaphone.model.AttributedPost;

/** Contract section 4, Entity attribution: the five rules, first that applies. */
public final class EntityAttribution {
  public static final String OVERRIDE = "override";
  public static final String HOSTED_MENTION = "hosted-mention";
  public static final String AUTHOR = "author";
  public static final String MENTION = "mention";
  public static final String AMBIGUOUS = "ambiguous";
  public static final String NONE = "none";

  /** The entity credited and the rule that chose it. */
  public record Credit(String entityId, String reason) {}

  private EntityAttribution() {}

  /**
   * The entity a post is credited to, by the first rule that applies: override, hosted mention,
   * author, mention, else unattributed (ambiguous or none).
   *
   * @param overrideEntity the entity an override names for this post, or null
   * @param author the author's roster account, or null when the author is not in the roster
   * @param mentioned the entities the post mentions ({@link Roster#mentions})
   */
  public static Credit attribute(String overrideEntity, Account author, Set<String> mentioned) {
    if (overrideEntity != null) {
      return new Credit(overrideEntity, OVERRIDE);
    }
    if (author != null) {
      if (author.getHost()) {
        Set<String> others = new TreeSet<>(mentioned);
        others.remove(author.getEntityId());
        if (others.size() == 1) {
          return new Credit(others.iterator().next(), HOSTED_MENTION);
        }
      }
      return new Credit(author.getEntityId(), AUTHOR);
    }
    if (mentioned.size() == 1) {
      return new Credit(mentioned.iterator().next(), MENTION);
    }
    return new Credit(AttributedPost.UNATTRIBUTED, mentioned.size() > 1 ? AMBIGUOUS : NONE);
  }
}
