package org.megaphone.attribution;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.megaphone.content.Content;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Post;

/**
 * What attributing a post row takes, for the batch ({@link CreditViews}) and the stream ({@link
 * AttributePosts}) alike: the roster, the campaigns and the overrides (side inputs, or values fixed
 * when the job is built), the dataset's zone and the content lexicon. {@link #attribute} applies
 * {@link AttributePosts#attribute} with the values seen by the element being processed.
 */
public final class Attribution implements Serializable {
  private final ConfigValue<Roster> roster;
  private final ConfigValue<Campaigns> campaigns;
  private final ConfigValue<Map<String, String>> overrides;
  private final String zoneId;
  private final Content content;
  private transient ZoneId zone;

  public Attribution(
      ConfigValue<Roster> roster,
      ConfigValue<Campaigns> campaigns,
      ConfigValue<Map<String, String>> overrides,
      String zoneId,
      Content content) {
    this.roster = roster;
    this.campaigns = campaigns;
    this.overrides = overrides;
    this.zoneId = zoneId;
    this.content = content;
  }

  /** The same, tagging each post with the themes and claims of {@code content}. */
  public Attribution withContent(Content content) {
    return new Attribution(roster, campaigns, overrides, zoneId, content);
  }

  /** The side inputs a step that attributes must be given. */
  public List<PCollectionView<?>> views() {
    return ConfigValue.views(roster, campaigns, overrides);
  }

  /** The dataset's zone. */
  public ZoneId zone() {
    if (zone == null) {
      zone = ZoneId.of(zoneId);
    }
    return zone;
  }

  /** Campaign, bulletin and entity attribution of a post row, with its themes and claims. */
  public AttributedPost attribute(Post post, DoFn<?, ?>.ProcessContext c) {
    return AttributePosts.attribute(
        post, roster.get(c), campaigns.get(c), overrides.get(c).get(post.key()), zone(), content);
  }
}
