package org.megaphone.attribution;

import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.CreditedView;
import org.megaphone.model.Stats;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.rules.PostDeduplication;
import org.megaphone.rules.ViewGains;
import org.megaphone.rules.Weeks;

/**
 * Contract section 4, Duplicates and Views: groups the attributed rows of each (platform,
 * post_id) with its view snapshots, keeps one row, turns the cumulative views into gains and
 * credits each gain to the week of its snapshot and to the post's entity. Views of posts that are
 * not in the posts table are orphans: counted, not credited.
 *
 * <p>Input: attributed post rows, duplicates included (bounded); view snapshots via the
 * constructor. Outputs: one {@link AttributedPost} per post with its total credited views ({@link
 * #POSTS}), one {@link CreditedView} per positive gain ({@link #CREDITS}), and the counts of posts
 * and views accepted and duplicated, the engagement and credited-views totals and the orphan
 * counts ({@link #STATS}). Rejects nothing.
 */
public final class CreditViews extends PTransform<PCollection<AttributedPost>, PCollectionTuple> {
  public static final TupleTag<AttributedPost> POSTS = new TupleTag<>() {};
  public static final TupleTag<CreditedView> CREDITS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private static final TupleTag<AttributedPost> POST_ROWS = new TupleTag<>() {};
  private static final TupleTag<ViewSnapshot> VIEW_ROWS = new TupleTag<>() {};

  private final PCollection<ViewSnapshot> views;
  private final String zoneId;

  public CreditViews(PCollection<ViewSnapshot> views, String zoneId) {
    this.views = views;
    this.zoneId = zoneId;
  }

  @java.lang.Override
  public PCollectionTuple expand(PCollection<AttributedPost> posts) {
    PCollectionTuple out =
        KeyedPCollectionTuple.of(
                POST_ROWS,
                posts.apply(
                    "KeyPosts", WithKeys.of(AttributedPost::key).withKeyType(TypeDescriptors.strings())))
            .and(
                VIEW_ROWS,
                views.apply(
                    "KeyViews",
                    WithKeys.of(ViewSnapshot::postKey).withKeyType(TypeDescriptors.strings())))
            .apply("JoinPostsAndViews", CoGroupByKey.create())
            .apply(
                "CreditGains",
                ParDo.of(new CreditFn(zoneId))
                    .withOutputTags(POSTS, TupleTagList.of(CREDITS).and(STATS)));
    try {
      out.get(POSTS).setCoder(posts.getCoder());
      out.get(CREDITS)
          .setCoder(posts.getPipeline().getSchemaRegistry().getSchemaCoder(CreditedView.class));
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
    out.get(STATS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

  private static final class CreditFn extends DoFn<KV<String, CoGbkResult>, AttributedPost> {
    private final String zoneId;
    private transient ZoneId zone;

    CreditFn(String zoneId) {
      this.zoneId = zoneId;
    }

    @Setup
    public void setup() {
      zone = ZoneId.of(zoneId);
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, MultiOutputReceiver out) {
      long postRows = 0;
      AttributedPost post = null;
      for (AttributedPost p : joined.getValue().getAll(POST_ROWS)) {
        postRows++;
        if (post == null || PostDeduplication.compare(p, post) > 0) {
          post = p;
        }
      }
      List<Map.Entry<Long, Long>> snapshots = new ArrayList<>();
      for (ViewSnapshot s : joined.getValue().getAll(VIEW_ROWS)) {
        snapshots.add(new AbstractMap.SimpleImmutableEntry<>(s.getObservedAt(), s.getViews()));
      }
      ViewGains.Distinct distinct = ViewGains.distinct(snapshots);
      List<ViewGains.Gain> gains = ViewGains.gains(distinct.byInstant());
      long total = 0;
      for (ViewGains.Gain g : gains) {
        total += g.views();
      }
      OutputReceiver<KV<String, Long>> stats = out.get(STATS);
      if (!snapshots.isEmpty()) {
        stats.output(Stats.of("views", Stats.ACCEPTED, distinct.byInstant().size()));
        stats.output(Stats.of("views", Stats.DUPLICATES, distinct.duplicates()));
      }
      if (post == null) {
        stats.output(Stats.of(Stats.ORPHAN_POSTS, 1));
        stats.output(Stats.of(Stats.ORPHAN_SNAPSHOTS, distinct.byInstant().size()));
        stats.output(Stats.of(Stats.ORPHAN_VIEWS, total));
        return;
      }
      stats.output(Stats.of("posts", Stats.ACCEPTED, 1));
      stats.output(Stats.of("posts", Stats.DUPLICATES, postRows - 1));
      stats.output(Stats.of(Stats.POSTS_ENGAGEMENT, post.engagement()));
      stats.output(Stats.of(Stats.VIEWS_CREDITED, total));
      for (ViewGains.Gain g : gains) {
        out.get(CREDITS)
            .output(
                CreditedView.create(
                    post.getPlatform(),
                    post.getPostId(),
                    g.observedAt(),
                    Weeks.label(g.observedAt(), zone),
                    post.getEntityId(),
                    post.getLanguage(),
                    post.getBulletinId(),
                    g.views()));
      }
      out.get(POSTS).output(post.withViews(total));
    }
  }
}
