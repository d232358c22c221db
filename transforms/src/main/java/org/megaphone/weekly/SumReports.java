package org.megaphone.weekly;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Bulletin;
import org.megaphone.model.PostFacts;
import org.megaphone.model.Stats;

/**
 * One keyed sum for every weekly report (contract section 5): each post's facts become (report key,
 * sums) pairs for entities_weekly, platforms_weekly, themes_weekly, claims_weekly and
 * bulletin_uptake, plus the run's counts, and one {@code Combine.perKey} adds them up.
 *
 * <p>A post counts in the week it was published with its engagement, and in each week its views
 * were credited with those views. Pairs are first summed in the step's memory (up to {@link
 * #BUFFERED_KEYS} keys, then flushed), so that what reaches the runner's combine is about one pair
 * per key and worker, not one per post and report.
 *
 * <p>Input: the facts of every post (bounded, global window); the de-duplicated bulletins via the
 * constructor, so that each has a key even without posts. {@code perKey}: Combine.perKey (Flink
 * lifts it into a pre-shuffle combine) or, for the DirectRunner, where each key of a grouping costs
 * a bundle, one map summed globally. Output: the sums per key, one element per key.
 */
public final class SumReports
    extends PTransform<PCollection<PostFacts>, PCollection<KV<ReportKey, Sums>>> {
  /** Keys a worker sums in memory before passing them on. */
  static final int BUFFERED_KEYS = 100_000;

  private final PCollection<Bulletin> bulletins;
  private final boolean perKey;

  public SumReports(PCollection<Bulletin> bulletins, boolean perKey) {
    this.bulletins = bulletins;
    this.perKey = perKey;
  }

  @Override
  public PCollection<KV<ReportKey, Sums>> expand(PCollection<PostFacts> facts) {
    KvCoder<ReportKey, Sums> coder =
        KvCoder.of(ReportKey.WireCoder.INSTANCE, Sums.WireCoder.INSTANCE);
    TypeDescriptor<KV<ReportKey, Sums>> type =
        TypeDescriptors.kvs(TypeDescriptor.of(ReportKey.class), TypeDescriptor.of(Sums.class));
    PCollection<KV<ReportKey, Sums>> pairs =
        PCollectionList.of(facts.apply("KeyFacts", ParDo.of(new KeyFactsFn())).setCoder(coder))
            .and(
                bulletins
                    .apply(
                        "KeyBulletins",
                        MapElements.into(type)
                            .via(
                                (Bulletin b) ->
                                    KV.of(
                                        ReportKey.of(ReportKey.Kind.BULLETIN, b.getBulletinId()),
                                        Sums.NONE)))
                    .setCoder(coder))
            .apply("FlattenSums", Flatten.pCollections());
    if (perKey) {
      return pairs.apply("SumPerKey", Combine.perKey(Sums::plus)).setCoder(coder);
    }
    return pairs
        .apply(
            "SumPerKey",
            Combine.globally(new SumPerKey<ReportKey, Sums>(Sums::plus)).withoutDefaults())
        .apply(
            "ListSums",
            FlatMapElements.into(type).via((Map<ReportKey, Sums> m) -> SumPerKey.entries(m)))
        .setCoder(coder);
  }

  /** Every (key, sums) pair one post's facts contribute. */
  public static void contributions(PostFacts f, BiConsumer<ReportKey, Sums> out) {
    if (f.getSnapshots() + f.getDuplicateSnapshots() > 0) {
      out.accept(VIEWS_ACCEPTED, Sums.count(f.getSnapshots()));
      out.accept(VIEWS_DUPLICATES, Sums.count(f.getDuplicateSnapshots()));
    }
    AttributedPost p = f.getPost();
    if (p == null) {
      out.accept(ORPHAN_POSTS, Sums.count(1));
      out.accept(ORPHAN_SNAPSHOTS, Sums.count(f.getSnapshots()));
      out.accept(ORPHAN_VIEWS, Sums.count(f.getViews()));
      return;
    }
    out.accept(POSTS_ACCEPTED, Sums.count(1));
    out.accept(POSTS_DUPLICATES, Sums.count(f.getPostRows() - 1));
    out.accept(POSTS_ENGAGEMENT, Sums.count(p.engagement()));
    out.accept(VIEWS_CREDITED, Sums.count(f.getViews()));

    WeeklyTotals post = WeeklyTotals.ofPost(p);
    WeeklyTotals counts = post.withoutRate();
    String week = p.getWeek();
    out.accept(ReportKey.of(ReportKey.Kind.ENTITY, week, p.getEntityId()), Sums.of(post));
    out.accept(
        ReportKey.of(ReportKey.Kind.PLATFORM, week, p.getPlatform(), p.getLanguage()),
        Sums.of(counts));
    for (String theme : p.getThemes()) {
      out.accept(ReportKey.of(ReportKey.Kind.THEME, week, theme, p.getRole()), Sums.of(counts));
    }
    boolean answer = ClaimsWeekly.side(p.getCampaign(), false) == ClaimsWeekly.Side.ANSWER;
    for (String claim : p.getClaims()) {
      ReportKey key = ReportKey.of(ReportKey.Kind.CLAIM, week, claim, p.getPlatform());
      out.accept(key, answer ? Sums.counter(counts) : Sums.of(counts));
    }
    if (p.getBulletinId() != null) {
      out.accept(
          ReportKey.of(ReportKey.Kind.BULLETIN, p.getBulletinId()), Sums.of(UptakeTotals.of(p)));
    }
    for (PostFacts.WeekViews w : f.getWeeks()) {
      Sums views = Sums.of(WeeklyTotals.ofViews(w.views(), w.snapshots()));
      out.accept(ReportKey.of(ReportKey.Kind.ENTITY, w.week(), p.getEntityId()), views);
      out.accept(
          ReportKey.of(ReportKey.Kind.PLATFORM, w.week(), p.getPlatform(), p.getLanguage()), views);
      for (String theme : p.getThemes()) {
        out.accept(ReportKey.of(ReportKey.Kind.THEME, w.week(), theme, p.getRole()), views);
      }
      if (ClaimsWeekly.side(p.getCampaign(), true) == ClaimsWeekly.Side.SPREAD) {
        for (String claim : p.getClaims()) {
          out.accept(ReportKey.of(ReportKey.Kind.CLAIM, w.week(), claim, p.getPlatform()), views);
        }
      }
    }
  }

  private static ReportKey stat(String name) {
    return ReportKey.of(ReportKey.Kind.STAT, name);
  }

  // The run's counts, keyed once: every post contributes to several.
  private static final ReportKey VIEWS_ACCEPTED =
      stat(Stats.of("views", Stats.ACCEPTED, 0).getKey());
  private static final ReportKey VIEWS_DUPLICATES =
      stat(Stats.of("views", Stats.DUPLICATES, 0).getKey());
  private static final ReportKey POSTS_ACCEPTED =
      stat(Stats.of("posts", Stats.ACCEPTED, 0).getKey());
  private static final ReportKey POSTS_DUPLICATES =
      stat(Stats.of("posts", Stats.DUPLICATES, 0).getKey());
  private static final ReportKey ORPHAN_POSTS = stat(Stats.ORPHAN_POSTS);
  private static final ReportKey ORPHAN_SNAPSHOTS = stat(Stats.ORPHAN_SNAPSHOTS);
  private static final ReportKey ORPHAN_VIEWS = stat(Stats.ORPHAN_VIEWS);
  private static final ReportKey POSTS_ENGAGEMENT = stat(Stats.POSTS_ENGAGEMENT);
  private static final ReportKey VIEWS_CREDITED = stat(Stats.VIEWS_CREDITED);

  /**
   * Sums the pairs of many posts in memory and passes each key on once per flush. A bulletin's
   * first post per entity is gathered in a mutable map: adding immutable uptake totals one post at
   * a time copied the map each time (quadratic in a bulletin's adopters).
   */
  private static final class KeyFactsFn extends DoFn<PostFacts, KV<ReportKey, Sums>> {
    private transient Map<ReportKey, Sums> buffer;
    private transient Map<ReportKey, Uptake> uptake;

    @StartBundle
    public void start() {
      buffer = new HashMap<>();
      uptake = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element PostFacts facts, OutputReceiver<KV<ReportKey, Sums>> out) {
      contributions(
          facts,
          (k, s) -> {
            if (s.getUptake() != null) {
              uptake.computeIfAbsent(k, x -> new Uptake()).add(s.getUptake());
            } else {
              buffer.merge(k, s, Sums::plus);
            }
          });
      if (buffer.size() + uptake.size() >= BUFFERED_KEYS) {
        flush(out::output);
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      // Batch input is in the global window (see the class comment).
      flush(kv -> c.output(kv, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
    }

    private void flush(Consumer<KV<ReportKey, Sums>> out) {
      buffer.forEach((k, s) -> out.accept(KV.of(k, s)));
      uptake.forEach((k, u) -> out.accept(KV.of(k, Sums.of(u.totals()))));
      buffer = new HashMap<>();
      uptake = new HashMap<>();
    }
  }

  /** A bulletin's uptake being summed: counts, and the first post of each entity. */
  private static final class Uptake {
    long posts;
    long engagement;
    long views;
    final Map<String, Long> first = new HashMap<>();

    void add(UptakeTotals t) {
      posts = Math.addExact(posts, t.getPosts());
      engagement = Math.addExact(engagement, t.getEngagement());
      views = Math.addExact(views, t.getViews());
      t.getFirstPostByEntity().forEach((entity, at) -> first.merge(entity, at, Math::min));
    }

    UptakeTotals totals() {
      return UptakeTotals.create(posts, engagement, views, first);
    }
  }
}
