package org.megaphone.attribution;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.megaphone.content.Content;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Post;
import org.megaphone.model.PostFacts;
import org.megaphone.model.PostInput;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.rules.PostDeduplication;
import org.megaphone.rules.ViewGains;
import org.megaphone.rules.Weeks;

/**
 * Contract section 4, Duplicates, Views and attribution: the rows of each (platform, post_id) and
 * its view snapshots meet once; one row is kept and attributed (campaign, bulletin, entity, themes,
 * claims), the cumulative views become gains, and the gains are summed per week of their snapshots.
 * Everything a report needs of the post leaves this step in one {@link PostFacts}; no per-snapshot
 * element is emitted.
 *
 * <p>The readers key what they read ({@link #keyPosts}, {@link #keyViews}) and send posts and views
 * to one output ({@code ReadTables.sending}), so that on Flink the rows go from the parser to this
 * grouping with no step between: every step boundary of Flink's batch translation (a Flatten, an
 * output among several) encodes and decodes every row. Only the kept row of a post is attributed.
 *
 * <p>The grouping key depends on the runner ({@code shards} of the key functions): 0 groups by post
 * (Flink: a group is one post's rows, sorted and spilled by Flink, never all in one worker's
 * memory); N > 0 groups by one of N shards of the post key and regroups by post in memory (the
 * DirectRunner, where a grouping with one key per post costs a timer and a bundle per post). A
 * shard must then fit in memory, which bounds the DirectRunner to small inputs (Megaphone sends
 * large ones to Flink).
 *
 * <p>Input: post rows as read, duplicates included, and view snapshots, each under its key. Output:
 * one {@link PostFacts} per post key with rows or snapshots, orphans (views of posts not in the
 * posts table) included. Rejects nothing.
 */
public final class CreditViews
    extends PTransform<PCollection<KV<String, PostInput>>, PCollection<PostFacts>> {
  /** The output the readers send keyed posts and views to. */
  public static final TupleTag<KV<String, PostInput>> INPUT = new TupleTag<>("postsAndViews") {};

  private final Attribution attribution;

  public CreditViews(
      ConfigValue<Roster> roster,
      ConfigValue<Campaigns> campaigns,
      ConfigValue<Map<String, String>> overrides,
      String zoneId,
      Content content) {
    this.attribution = new Attribution(roster, campaigns, overrides, zoneId, content);
  }

  /** The coder of the keyed input. */
  public static KvCoder<String, PostInput> inputCoder() {
    return KvCoder.of(StringUtf8Coder.of(), PostInput.WireCoder.INSTANCE);
  }

  /** A post row under its post's key, or the key's shard when {@code shards} > 0. */
  public static SerializableFunction<Post, KV<String, PostInput>> keyPosts(int shards) {
    return post -> keyed(PostInput.of(post), shards);
  }

  /** A view snapshot under its post's key, or the key's shard when {@code shards} > 0. */
  public static SerializableFunction<ViewSnapshot, KV<String, PostInput>> keyViews(int shards) {
    return view -> keyed(PostInput.of(view), shards);
  }

  private static KV<String, PostInput> keyed(PostInput input, int shards) {
    String key = input.postKey();
    return KV.of(shards > 0 ? Integer.toString(shard(key, shards)) : key, input);
  }

  /** The shard of a post key: String.hashCode is specified, so shards are stable across JVMs. */
  static int shard(String postKey, int shards) {
    return Math.floorMod(postKey.hashCode(), shards);
  }

  @Override
  public PCollection<PostFacts> expand(PCollection<KV<String, PostInput>> input) {
    return input
        .apply("GroupPostsAndViews", GroupByKey.create())
        .apply(
            "CreditGains", ParDo.of(new CreditFn(attribution)).withSideInputs(attribution.views()))
        .setCoder(PostFacts.WireCoder.INSTANCE);
  }

  /** The rows of one post. */
  private static final class PostRows {
    final List<Post> posts = new ArrayList<>();
    final List<Map.Entry<Long, Long>> snapshots = new ArrayList<>();
  }

  private static final class CreditFn extends DoFn<KV<String, Iterable<PostInput>>, PostFacts> {
    // Read live by the report's progress lines (posts attributed: kept rows).
    private final Counter attributed = Metrics.counter(AttributePosts.class, "posts");
    private final Attribution attribution;

    CreditFn(Attribution attribution) {
      this.attribution = attribution;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Map<String, PostRows> byPost = new TreeMap<>();
      for (PostInput e : c.element().getValue()) {
        PostRows rows = byPost.computeIfAbsent(e.postKey(), k -> new PostRows());
        if (e.getPost() != null) {
          rows.posts.add(e.getPost());
        } else {
          rows.snapshots.add(Map.entry(e.getView().getObservedAt(), e.getView().getViews()));
        }
      }
      for (PostRows rows : byPost.values()) {
        Post best = PostDeduplication.best(rows.posts);
        AttributedPost kept = null;
        if (best != null) {
          kept = attribution.attribute(best, c);
          attributed.inc();
        }
        c.output(facts(kept, rows.posts.size(), rows.snapshots, attribution.zone()));
      }
    }
  }

  /**
   * The facts of one post key from its kept row (attributed; null when it has none), the number of
   * its rows and its snapshots (instant, cumulative views).
   */
  public static PostFacts facts(
      @Nullable AttributedPost post,
      long postRows,
      List<Map.Entry<Long, Long>> snapshots,
      ZoneId zone) {
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
        postRows,
        distinct.byInstant().size(),
        distinct.duplicates(),
        total);
  }
}
