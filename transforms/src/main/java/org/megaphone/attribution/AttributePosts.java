package org.megaphone.attribution;

import java.time.ZoneId;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.megaphone.content.Content;
import org.megaphone.model.Account;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Bulletin;
import org.megaphone.model.Post;
import org.megaphone.model.SourceRef;
import org.megaphone.rules.Weeks;

/**
 * Contract section 4, Campaign post, Bulletin attribution and Entity attribution: credits each post
 * row to its week, campaign, bulletin and entity.
 *
 * <p>Input: post rows as read, duplicates included (bounded or not; windowing is preserved). Side
 * inputs: the roster, the campaigns, the valid overrides. Output: one {@link AttributedPost} per
 * row, views 0; {@link CreditViews} then keeps one row per post. Rows are attributed before
 * de-duplication so that this side-input step runs where rows arrive in large bundles (on the
 * DirectRunner each bundle after a grouping holds a single key, and a side-input step costs a
 * translation of the step per bundle). Rejects nothing.
 */
public final class AttributePosts
    extends PTransform<PCollection<Post>, PCollection<AttributedPost>> {
  private final Attribution attribution;

  /** With the configuration as side inputs (the report job). */
  public AttributePosts(
      PCollectionView<Roster> roster,
      PCollectionView<Campaigns> campaigns,
      PCollectionView<Map<String, String>> overrides,
      String zoneId) {
    this(ConfigValue.of(roster), ConfigValue.of(campaigns), ConfigValue.of(overrides), zoneId);
  }

  /** With the configuration as given: side inputs or values fixed when the job is built. */
  public AttributePosts(
      ConfigValue<Roster> roster,
      ConfigValue<Campaigns> campaigns,
      ConfigValue<Map<String, String>> overrides,
      String zoneId) {
    this(roster, campaigns, overrides, zoneId, Content.NONE);
  }

  private AttributePosts(
      ConfigValue<Roster> roster,
      ConfigValue<Campaigns> campaigns,
      ConfigValue<Map<String, String>> overrides,
      String zoneId,
      Content content) {
    this(new Attribution(roster, campaigns, overrides, zoneId, content));
  }

  private AttributePosts(Attribution attribution) {
    this.attribution = attribution;
  }

  /** The same, also tagging each post with its themes and claims. */
  public AttributePosts withContent(Content content) {
    return new AttributePosts(attribution.withContent(content));
  }

  @Override
  public PCollection<AttributedPost> expand(PCollection<Post> posts) {
    return posts.apply(
        "CreditPosts", ParDo.of(new AttributeFn(attribution)).withSideInputs(attribution.views()));
  }

  /** Campaign, bulletin and entity attribution of one post row (views still 0), without content. */
  public static AttributedPost attribute(
      Post post, Roster roster, Campaigns campaigns, String overrideEntity, ZoneId zone) {
    return attribute(post, roster, campaigns, overrideEntity, zone, Content.NONE);
  }

  /**
   * Campaign, bulletin and entity attribution of one post row (views still 0), with its themes and
   * claims.
   */
  public static AttributedPost attribute(
      Post post,
      Roster roster,
      Campaigns campaigns,
      String overrideEntity,
      ZoneId zone,
      Content content) {
    Account author = roster.account(post.getPlatform(), post.getHandle());
    String language =
        post.getLanguage() != null
            ? post.getLanguage()
            : author == null ? null : author.getLanguage();
    Campaigns.Marks marks = Campaigns.Marks.of(post.getText(), post.getUrl());
    boolean campaign = campaigns.isCampaign(marks);
    Bulletin bulletin =
        campaign ? campaigns.bulletinFor(marks, post.getPublishedAt(), language) : null;
    EntityAttribution.Credit credit =
        EntityAttribution.attribute(
            overrideEntity, author, roster.mentions(post.getPlatform(), post.getText()));
    Long rateFollowers =
        post.getFollowers() != null
            ? post.getFollowers()
            : author == null ? null : author.getFollowers();
    return AttributedPost.create(
        post.getPlatform(),
        post.getPostId(),
        post.getHandle(),
        post.getPublishedAt(),
        Weeks.label(post.getPublishedAt(), zone),
        credit.entityId(),
        credit.reason(),
        campaign,
        bulletin == null ? null : bulletin.getBulletinId(),
        language,
        post.getLikes(),
        post.getComments(),
        post.getShares(),
        post.getSaves(),
        rateFollowers,
        0L,
        post.getExportedAt(),
        post.getSource().getRecord(),
        SourceRef.create(post.getSource().getFile(), post.getSource().getLine(), ""),
        roster.hasEntity(credit.entityId()) ? roster.entity(credit.entityId()).role() : null,
        post.getUrl(),
        content.themes(post.getText(), language),
        content.claims(post.getText(), post.getUrl()));
  }

  private static final class AttributeFn extends DoFn<Post, AttributedPost> {
    // Read live by the report's progress lines.
    private final Counter attributed = Metrics.counter(AttributePosts.class, "posts");
    private final Attribution attribution;

    AttributeFn(Attribution attribution) {
      this.attribution = attribution;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(attribution.attribute(c.element(), c));
      attributed.inc();
    }
  }
}
