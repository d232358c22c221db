package org.megaphone.attribution;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.PostEvent;
import org.megaphone.model.PostFacts;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.rules.PostDeduplication;
import org.megaphone.rules.ViewGains;
import org.megaphone.rules.Weeks;

/**
 * Contract section 4, Duplicates and Views: the attributed rows of each (platform, post_id) and
 * its view snapshots meet once; one row is kept, the cumulative views become gains, and the gains
 * are summed per week of their snapshots. Everything a report needs of the post leaves this step
 * in one {@link PostFacts}; no per-snapshot element is emitted.
 *
 * <p>The grouping key depends on the runner ({@code shards}): 0 groups by post (Flink: a group is
 * one post's rows, sorted and spilled by Flink, never all in one worker's memory); N > 0 groups by
 * one of N shards of the post key and regroups by post in memory (the DirectRunner, where a
 * grouping with one key per post costs a timer and a bundle per post). A shard must then fit in
 * memory, which bounds the DirectRunner to small inputs (Megaphone sends large ones to Flink).
 *
 * <p>Input: attributed post rows, duplicates included (bounded); view snapshots via the
 * constructor. Output: one {@link PostFacts} per post key with rows or snapshots, orphans (views
 * of posts not in the posts table) included. Rejects nothing.
 */
public final class CreditViews extends PTransform<PCollection<AttributedPost>, PCollection<PostFacts>> {
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

  @Override
  public PCollection<PostFacts> expand(PCollection<AttributedPost> posts) {
    KvCoder<String, PostEvent> coder = KvCoder.of(StringUtf8Coder.of(), PostEvent.WireCoder.INSTANCE);
    PCollection<KV<String, PostEvent>> keyedPosts =
        posts.apply("KeyPosts", MapElements.via(new KeyFn<AttributedPost>(shards))).setCoder(coder);
    PCollection<KV<String, PostEvent>> keyedViews =
        views.apply("KeyViews", MapElements.via(new KeyFn<ViewSnapshot>(shards))).setCoder(coder);
    return PCollectionList.of(keyedPosts)
        .and(keyedViews)
        .apply("FlattenPostsAndViews", Flatten.pCollections())
        .apply("GroupPostsAndViews", GroupByKey.create())
        .apply("CreditGains", ParDo.of(new CreditFn(zoneId)))
        .setCoder(PostFacts.WireCoder.INSTANCE);
  }

  /** A post row or a snapshot under its post's key (or the key's shard). */
  private static final class KeyFn<T> extends SimpleFunction<T, KV<String, PostEvent>> {
    private final int shards;

    KeyFn(int shards) {
      this.shards = shards;
    }

    @Override
    public KV<String, PostEvent> apply(T row) {
      PostEvent event = row instanceof AttributedPost p ? PostEvent.of(p) : PostEvent.of((ViewSnapshot) row);
      String key = event.postKey();
      return KV.of(shards > 0 ? Integer.toString(shard(key, shards)) : key, event);
    }
  }

  /** The rows of one post. */
  private static final class PostRows {
    final List<AttributedPost> posts = new ArrayList<>();
    final List<Map.Entry<Long, Long>> snapshots = new ArrayList<>();
  }

  private static final class CreditFn extends DoFn<KV<String, Iterable<PostEvent>>, PostFacts> {
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
    public void process(@Element KV<String, Iterable<PostEvent>> group, OutputReceiver<PostFacts> out) {
      Map<String, PostRows> byPost = new TreeMap<>();
      for (PostEvent e : group.getValue()) {
        PostRows rows = byPost.computeIfAbsent(e.postKey(), k -> new PostRows());
        if (e.getPost() != null) {
          rows.posts.add(e.getPost());
        } else {
          rows.snapshots.add(Map.entry(e.getView().getObservedAt(), e.getView().getViews()));
        }
      }
      for (PostRows rows : byPost.values()) {
        out.output(facts(rows.posts, rows.snapshots, zone));
      }
    }
  }

  /** The facts of one post key from its rows and its snapshots (instant, cumulative views). */
  public static PostFacts facts(List<AttributedPost> rows, List<Map.Entry<Long, Long>> snapshots, ZoneId zone) {
    AttributedPost post = PostDeduplication.best(rows);
    ViewGains.Distinct distinct = ViewGains.distinct(snapshots);
    List<PostFacts.WeekViews> weeks = new ArrayList<>();
    String week = null;
    long weekViews = 0;
    long weekSnapshots = 0;
    long total = 0;
    // Gains come in time order, so a week's gains are consecutive.
    Weeks.Labeller labels = new Weeks.Labeller(zone);
    for (ViewGains.Gain g : ViewGains.gains(distinct.byInstant())) {
      String w = labels.label(g.observedAt());
      if (!w.equals(week)) {
        if (week != null) {
          weeks.add(new PostFacts.WeekViews(week, weekViews, weekSnapshots));
        }
        week = w;
        weekViews = 0;
        weekSnapshots = 0;
      }
      weekViews = Math.addExact(weekViews, g.views());
      weekSnapshots++;
      total = Math.addExact(total, g.views());
    }
    if (week != null) {
      weeks.add(new PostFacts.WeekViews(week, weekViews, weekSnapshots));
    }
    return PostFacts.create(
        post == null ? null : post.kept(total),
        weeks,
        rows.size(),
        distinct.byInstant().size(),
        distinct.duplicates(),
        total);
  }
}
