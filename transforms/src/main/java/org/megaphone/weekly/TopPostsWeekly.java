package org.megaphone.weekly;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.TopPost;
import org.megaphone.rules.Baselines;
import org.megaphone.rules.CodePoints;
import org.megaphone.write.Cells;
import org.megaphone.write.ReportRow;

/**
 * top_posts_weekly.csv (D37): per week, the {@value #TOP} posts that did best against their
 * account's usual engagement. Each post's baseline is the median engagement of its account's
 * previous {@code baselinePosts} posts ({@link Baselines}); posts are ranked by engagement /
 * baseline, highest first (ties: more engagement, then platform and post_id).
 *
 * <p>Input: the de-duplicated attributed posts of the whole input (an account's history reaches
 * back before any week asked for). Accounts are grouped by a shard of their key (as in CreditViews:
 * few groups, each sorted in memory). Output: the rows.
 */
public final class TopPostsWeekly
    extends PTransform<PCollection<AttributedPost>, PCollection<ReportRow>> {
  public static final int TOP = 20;

  private final int baselinePosts;
  private final int shards;

  public TopPostsWeekly(int baselinePosts, int shards) {
    this.baselinePosts = baselinePosts;
    this.shards = shards;
  }

  @Override
  public PCollection<ReportRow> expand(PCollection<AttributedPost> posts) {
    return posts
        .apply("KeyByAccountShard", MapElements.via(new ShardFn(shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), AttributedPost.WireCoder.INSTANCE))
        .apply("GroupAccountShards", GroupByKey.create())
        .apply("ComputeBaselines", ParDo.of(new BaselineFn(baselinePosts)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), TopPost.WireCoder.INSTANCE))
        .apply("KeepTopPerWeek", Top.perKey(TOP, new Ranking()))
        .apply("FormatTopPosts", FlatMapElements.via(new FormatFn()));
  }

  /** An account: platform and handle. */
  public static String account(AttributedPost p) {
    return p.getPlatform() + JoinedKey.SEP + p.getHandle();
  }

  private static final class ShardFn
      extends SimpleFunction<AttributedPost, KV<Integer, AttributedPost>> {
    private final int shards;

    ShardFn(int shards) {
      this.shards = shards;
    }

    @Override
    public KV<Integer, AttributedPost> apply(AttributedPost p) {
      return KV.of(Math.floorMod(account(p).hashCode(), shards), p);
    }
  }

  /** An account's posts in order: published_at, then post_id. */
  static final Comparator<AttributedPost> ORDER =
      Comparator.comparingLong(AttributedPost::getPublishedAt)
          .thenComparing(AttributedPost::getPostId, CodePoints.ORDER);

  /** Every post with a baseline above 0, keyed by its week. */
  public static List<TopPost> candidates(List<AttributedPost> accountPosts, int baselinePosts) {
    List<AttributedPost> ordered = new ArrayList<>(accountPosts);
    ordered.sort(ORDER);
    long[] engagement = new long[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      engagement[i] = ordered.get(i).engagement();
    }
    Long[] doubled = Baselines.doubledBaselines(engagement, baselinePosts);
    List<TopPost> out = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      if (doubled[i] != null && doubled[i] > 0) {
        AttributedPost p = ordered.get(i);
        out.add(
            TopPost.create(
                p.getWeek(),
                p.getPlatform(),
                p.getPostId(),
                p.getHandle(),
                p.getEntityId(),
                engagement[i],
                doubled[i],
                p.getUrl()));
      }
    }
    return out;
  }

  private static final class BaselineFn
      extends DoFn<KV<Integer, Iterable<AttributedPost>>, KV<String, TopPost>> {
    private final int baselinePosts;

    BaselineFn(int baselinePosts) {
      this.baselinePosts = baselinePosts;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<AttributedPost>> shard,
        OutputReceiver<KV<String, TopPost>> out) {
      Map<String, List<AttributedPost>> byAccount = new TreeMap<>();
      for (AttributedPost p : shard.getValue()) {
        byAccount.computeIfAbsent(account(p), k -> new ArrayList<>()).add(p);
      }
      for (List<AttributedPost> posts : byAccount.values()) {
        for (TopPost t : candidates(posts, baselinePosts)) {
          out.output(KV.of(t.getWeek(), t));
        }
      }
    }
  }

  /**
   * Higher over-performance first, then more engagement, then platform and post_id: as "greater".
   */
  public static final class Ranking implements Comparator<TopPost>, Serializable {
    @Override
    public int compare(TopPost a, TopPost b) {
      int c =
          Baselines.compareOverperformance(
              a.getEngagement(), a.getDoubledBaseline(), b.getEngagement(), b.getDoubledBaseline());
      if (c != 0) {
        return c;
      }
      c = Long.compare(a.getEngagement(), b.getEngagement());
      if (c != 0) {
        return c;
      }
      // Top keeps the greatest: the earlier platform and post_id must compare greater.
      c = CodePoints.compare(b.getPlatform(), a.getPlatform());
      return c != 0 ? c : CodePoints.compare(b.getPostId(), a.getPostId());
    }
  }

  /** The key of a week's row at a rank (ranks zero-padded so that they sort as numbers). */
  public static List<String> rowKey(String week, int rank) {
    return List.of(week, String.format("%06d", rank));
  }

  /** The cells of a row. */
  public static List<String> cells(int rank, TopPost t) {
    return List.of(
        t.getWeek(),
        Integer.toString(rank),
        t.getPlatform(),
        Cells.text(t.getPostId()),
        Cells.text(t.getHandle()),
        Cells.text(t.getEntityId()),
        Cells.integer(t.getEngagement()),
        Cells.decimal(Baselines.baseline(t.getDoubledBaseline())),
        Cells.ratio(2 * t.getEngagement(), t.getDoubledBaseline()),
        Cells.text(t.getUrl()));
  }

  private static final class FormatFn
      extends SimpleFunction<KV<String, List<TopPost>>, Iterable<ReportRow>> {
    @Override
    public Iterable<ReportRow> apply(KV<String, List<TopPost>> week) {
      List<ReportRow> rows = new ArrayList<>();
      int rank = 1;
      for (TopPost t : week.getValue()) {
        rows.add(ReportRow.create(rowKey(week.getKey(), rank), cells(rank, t)));
        rank++;
      }
      return rows;
    }
  }
}
