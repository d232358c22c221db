package org.megaphone.attribution;

import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
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
 * <p>Rows are grouped by a shard of the post key ({@code shards} groups), then by post in memory:
 * a grouping with one key per post costs the DirectRunner a timer and a bundle per post, and every
 * later step a bundle more, which made a local run of a few thousand posts take a minute. A shard
 * must fit in memory: raise {@code shards} with the data (each holds 1/shards of the posts and
 * snapshots); on Flink it also bounds the parallelism of this step.
 *
 * <p>Input: attributed post rows, duplicates included (bounded); view snapshots via the
 * constructor. Outputs: one {@link AttributedPost} per post with its total credited views ({@link
 * #POSTS}), one {@link CreditedView} per distinct snapshot, gain 0 included ({@link #CREDITS}), and the counts of posts
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
  private final int shards;

  public CreditViews(PCollection<ViewSnapshot> views, String zoneId, int shards) {
    this.views = views;
    this.zoneId = zoneId;
    this.shards = shards;
  }

  /** The shard of a post key: String.hashCode is specified, so shards are stable across JVMs. */
  static int shard(String postKey, int shards) {
    return Math.floorMod(postKey.hashCode(), shards);
  }

  @java.lang.Override
  public PCollectionTuple expand(PCollection<AttributedPost> posts) {
    PCollectionTuple out =
        KeyedPCollectionTuple.of(
                POST_ROWS,
                posts.apply(
                    "KeyPosts",
                    WithKeys.of(new ShardOf<>(AttributedPost::key, shards))
                        .withKeyType(TypeDescriptors.integers())))
            .and(
                VIEW_ROWS,
                views.apply(
                    "KeyViews",
                    WithKeys.of(new ShardOf<>(ViewSnapshot::postKey, shards))
                        .withKeyType(TypeDescriptors.integers())))
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

  private static final class ShardOf<T> implements SerializableFunction<T, Integer> {
    private final SerializableFunction<T, String> postKey;
    private final int shards;

    ShardOf(SerializableFunction<T, String> postKey, int shards) {
      this.postKey = postKey;
      this.shards = shards;
    }

    @java.lang.Override
    public Integer apply(T row) {
      return shard(postKey.apply(row), shards);
    }
  }

  /** The rows of one post. */
  private static final class PostRows {
    final List<AttributedPost> posts = new ArrayList<>();
    final List<Map.Entry<Long, Long>> snapshots = new ArrayList<>();
  }

  private static final class CreditFn extends DoFn<KV<Integer, CoGbkResult>, AttributedPost> {
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
    public void process(@Element KV<Integer, CoGbkResult> shard, MultiOutputReceiver out) {
      Map<String, PostRows> byPost = new TreeMap<>();
      for (AttributedPost p : shard.getValue().getAll(POST_ROWS)) {
        byPost.computeIfAbsent(p.key(), k -> new PostRows()).posts.add(p);
      }
      for (ViewSnapshot s : shard.getValue().getAll(VIEW_ROWS)) {
        byPost
            .computeIfAbsent(s.postKey(), k -> new PostRows())
            .snapshots
            .add(new AbstractMap.SimpleImmutableEntry<>(s.getObservedAt(), s.getViews()));
      }
      Map<String, Long> stats = new TreeMap<>();
      for (PostRows rows : byPost.values()) {
        credit(rows, out, stats);
      }
      stats.forEach((name, value) -> out.get(STATS).output(KV.of(name, value)));
    }

    private void credit(PostRows rows, MultiOutputReceiver out, Map<String, Long> stats) {
      AttributedPost post = PostDeduplication.best(rows.posts);
      ViewGains.Distinct distinct = ViewGains.distinct(rows.snapshots);
      List<ViewGains.Gain> gains = ViewGains.gains(distinct.byInstant());
      long total = 0;
      for (ViewGains.Gain g : gains) {
        total = Math.addExact(total, g.views());
      }
      if (!rows.snapshots.isEmpty()) {
        add(stats, Stats.of("views", Stats.ACCEPTED, distinct.byInstant().size()));
        add(stats, Stats.of("views", Stats.DUPLICATES, distinct.duplicates()));
      }
      if (post == null) {
        add(stats, Stats.of(Stats.ORPHAN_POSTS, 1));
        add(stats, Stats.of(Stats.ORPHAN_SNAPSHOTS, distinct.byInstant().size()));
        add(stats, Stats.of(Stats.ORPHAN_VIEWS, total));
        return;
      }
      add(stats, Stats.of("posts", Stats.ACCEPTED, 1));
      add(stats, Stats.of("posts", Stats.DUPLICATES, rows.posts.size() - 1));
      add(stats, Stats.of(Stats.POSTS_ENGAGEMENT, post.engagement()));
      add(stats, Stats.of(Stats.VIEWS_CREDITED, total));
      for (ViewGains.Gain g : gains) {
        out.get(CREDITS)
            .output(
                CreditedView.of(post, g.observedAt(), Weeks.label(g.observedAt(), zone), g.views()));
      }
      out.get(POSTS).output(post.withViews(total));
    }

    private static void add(Map<String, Long> stats, KV<String, Long> stat) {
      stats.merge(stat.getKey(), stat.getValue(), Math::addExact);
    }
  }
}
