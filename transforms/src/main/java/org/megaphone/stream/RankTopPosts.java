package org.megaphone.stream;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.state.MapState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.TopPost;
import org.megaphone.model.Wire;
import org.megaphone.reports.Report;
import org.megaphone.rules.PostDeduplication;
import org.megaphone.weekly.TopPostsWeekly;

/**
 * top_posts_weekly for a stream (D37). Per account, state keeps the best row of each of its posts
 * seen so far; every arrival recomputes the account's baselines, which a post arriving out of order
 * changes for the posts after it, and sends the changes of the candidates. Per week, state keeps
 * the current candidates and emits the week's top rows again whenever they change (a rank that
 * empties is emitted as gone). Whatever the arrival order, the last version of each row equals the
 * batch report.
 *
 * <p>Input: attributed post rows (unbounded, duplicates and re-exports included; re-windowed into
 * the global window). A post is kept under the account of its best row's handle; a later export of
 * the same post under another handle (a renamed account) is not moved out of the first account
 * (D37). Output: {@link PaneRow}s of top_posts_weekly.csv, pane {@code update}, sequence counting
 * the week's versions. State is never cleared (as for the per-post state).
 */
public final class RankTopPosts
    extends PTransform<PCollection<AttributedPost>, PCollection<PaneRow>> {

  private final int baselinePosts;

  public RankTopPosts(int baselinePosts) {
    this.baselinePosts = baselinePosts;
  }

  /**
   * A post entering (post set) or leaving (post null) a week's candidates, as of a version of its
   * account: a change older than one already applied to the post is ignored, so the order in which
   * changes reach the week does not matter.
   */
  @DefaultCoder(Change.WireCoder.class)
  @AutoValue
  public abstract static class Change implements Serializable {
    public abstract String getWeek();

    public abstract String getPostKey();

    public abstract @Nullable TopPost getPost();

    public abstract long getVersion();

    public static Change create(String week, String postKey, @Nullable TopPost post, long version) {
      return new AutoValue_RankTopPosts_Change(week, postKey, post, version);
    }

    /** The coder of a change: its fields in order ({@link Wire}). */
    public static final class WireCoder extends Wire.Coder<Change> {
      public static final WireCoder INSTANCE = new WireCoder();

      /** Read by {@code @DefaultCoder}. */
      public static CoderProvider getCoderProvider() {
        return Wire.provider(Change.class, INSTANCE);
      }

      @Override
      public void encode(Change v, OutputStream out) throws IOException {
        Wire.writeString(v.getWeek(), out);
        Wire.writeString(v.getPostKey(), out);
        Wire.writeNullable(TopPost.WireCoder.INSTANCE, v.getPost(), out);
        Wire.writeLong(v.getVersion(), out);
      }

      @Override
      public Change decode(InputStream in) throws IOException {
        return create(
            Wire.readString(in),
            Wire.readString(in),
            Wire.readNullable(TopPost.WireCoder.INSTANCE, in),
            Wire.readLong(in));
      }
    }
  }

  @Override
  public PCollection<PaneRow> expand(PCollection<AttributedPost> posts) {
    return posts
        .apply("IntoGlobalWindow", Window.<AttributedPost>into(new GlobalWindows()))
        .apply(
            "KeyByAccount",
            WithKeys.of(TopPostsWeekly::account).withKeyType(TypeDescriptors.strings()))
        .apply("TrackBaselines", ParDo.of(new BaselineFn(baselinePosts)))
        .setCoder(Change.WireCoder.INSTANCE)
        .apply("KeyByWeek", WithKeys.of(Change::getWeek).withKeyType(TypeDescriptors.strings()))
        .apply("RankWeek", ParDo.of(new RankFn()))
        .setCoder(PaneRow.WireCoder.INSTANCE);
  }

  private static String postKey(TopPost t) {
    return t.getPlatform() + "\u001f" + t.getPostId();
  }

  private static final class BaselineFn extends DoFn<KV<String, AttributedPost>, Change> {
    private final int baselinePosts;

    /**
     * The best row of each post of the account: one entry written per arrival, not the whole map.
     */
    @StateId("posts")
    private final StateSpec<MapState<String, AttributedPost>> postsSpec;

    @StateId("candidates")
    private final StateSpec<MapState<String, TopPost>> candidatesSpec;

    @StateId("version")
    private final StateSpec<ValueState<Long>> versionSpec = StateSpecs.value(VarLongCoder.of());

    BaselineFn(int baselinePosts) {
      this.baselinePosts = baselinePosts;
      this.postsSpec = StateSpecs.map(StringUtf8Coder.of(), AttributedPost.WireCoder.INSTANCE);
      this.candidatesSpec = StateSpecs.map(StringUtf8Coder.of(), TopPost.WireCoder.INSTANCE);
    }

    @ProcessElement
    public void process(
        @Element KV<String, AttributedPost> element,
        @StateId("posts") MapState<String, AttributedPost> posts,
        @StateId("candidates") MapState<String, TopPost> candidates,
        @StateId("version") ValueState<Long> versionState,
        OutputReceiver<Change> out) {
      AttributedPost row = element.getValue();
      AttributedPost kept = posts.get(row.key()).read();
      if (kept != null && PostDeduplication.compare(row, kept) <= 0) {
        return; // the row kept so far still wins: nothing changes
      }
      posts.put(row.key(), row);
      long version = versionState.read() == null ? 0 : versionState.read() + 1;
      versionState.write(version);
      Map<String, TopPost> before = new HashMap<>();
      for (Map.Entry<String, TopPost> e : candidates.entries().read()) {
        before.put(e.getKey(), e.getValue());
      }
      Map<String, TopPost> now = new HashMap<>();
      List<AttributedPost> all = new ArrayList<>();
      posts.values().read().forEach(all::add);
      for (TopPost t : TopPostsWeekly.candidates(all, baselinePosts)) {
        now.put(postKey(t), t);
      }
      for (Map.Entry<String, TopPost> b : before.entrySet()) {
        TopPost n = now.get(b.getKey());
        if (n == null || !n.getWeek().equals(b.getValue().getWeek())) {
          out.output(Change.create(b.getValue().getWeek(), b.getKey(), null, version));
        }
        if (n == null) {
          candidates.remove(b.getKey());
        }
      }
      for (Map.Entry<String, TopPost> n : now.entrySet()) {
        if (!n.getValue().equals(before.get(n.getKey()))) {
          out.output(Change.create(n.getValue().getWeek(), n.getKey(), n.getValue(), version));
          candidates.put(n.getKey(), n.getValue());
        }
      }
    }
  }

  private static final class RankFn extends DoFn<KV<String, Change>, PaneRow> {
    @StateId("candidates")
    private final StateSpec<MapState<String, TopPost>> candidatesSpec;

    /** The version of the last change applied to each post. */
    @StateId("versions")
    private final StateSpec<MapState<String, Long>> versionsSpec =
        StateSpecs.map(StringUtf8Coder.of(), VarLongCoder.of());

    @StateId("ranked")
    private final StateSpec<ValueState<List<TopPost>>> rankedSpec;

    @StateId("sequence")
    private final StateSpec<ValueState<Long>> sequenceSpec = StateSpecs.value(VarLongCoder.of());

    RankFn() {
      this.candidatesSpec = StateSpecs.map(StringUtf8Coder.of(), TopPost.WireCoder.INSTANCE);
      this.rankedSpec = StateSpecs.value(ListCoder.of(TopPost.WireCoder.INSTANCE));
    }

    @ProcessElement
    public void process(
        @Element KV<String, Change> element,
        @StateId("candidates") MapState<String, TopPost> candidates,
        @StateId("versions") MapState<String, Long> versions,
        @StateId("ranked") ValueState<List<TopPost>> rankedState,
        @StateId("sequence") ValueState<Long> sequenceState,
        OutputReceiver<PaneRow> out) {
      Change change = element.getValue();
      Long applied = versions.get(change.getPostKey()).read();
      if (applied != null && applied > change.getVersion()) {
        return; // overtaken by a newer change of the same post
      }
      versions.put(change.getPostKey(), change.getVersion());
      TopPost now = change.getPost();
      if (now == null) {
        candidates.remove(change.getPostKey());
      } else {
        candidates.put(change.getPostKey(), now);
      }
      List<TopPost> before = rankedState.read() == null ? List.of() : rankedState.read();
      List<TopPost> ranked =
          ranked(before, change.getPostKey(), now, () -> candidates.values().read());
      if (ranked == null) {
        return; // a change below the top rows: nothing to show
      }
      long sequence = sequenceState.read() == null ? 0 : sequenceState.read() + 1;
      sequenceState.write(sequence);
      // Only the ranks whose post changed get a new version.
      for (int i = 0; i < Math.max(before.size(), ranked.size()); i++) {
        List<String> key = TopPostsWeekly.rowKey(element.getKey(), i + 1);
        if (i < ranked.size()) {
          if (i >= before.size() || !before.get(i).equals(ranked.get(i))) {
            out.output(
                PaneRow.create(
                    Report.TOP_POSTS_WEEKLY.file(),
                    key,
                    TopPostsWeekly.cells(i + 1, ranked.get(i)),
                    "update",
                    sequence,
                    true));
          }
        } else {
          out.output(
              PaneRow.create(
                  Report.TOP_POSTS_WEEKLY.file(), key, List.of(), "update", sequence, false));
        }
      }
      rankedState.write(new ArrayList<>(ranked));
    }
  }

  /**
   * The week's top rows after a post changed to {@code now} (null: it left), or null when they are
   * those {@code before}. The rows are always the first {@value TopPostsWeekly#TOP} of all
   * candidates in {@link TopPostsWeekly.Ranking}'s order, but every candidate is read and sorted
   * only when a post among them fell or left (its place may go to any other): a post outside them
   * that stays below the last cannot change them, and one that enters or a post among them that
   * rises changes only their order.
   */
  static @Nullable List<TopPost> ranked(
      List<TopPost> before,
      String postKey,
      @Nullable TopPost now,
      Supplier<Iterable<TopPost>> candidates) {
    int at = -1;
    for (int i = 0; i < before.size(); i++) {
      if (postKey(before.get(i)).equals(postKey)) {
        at = i;
        break;
      }
    }
    List<TopPost> ranked;
    if (at < 0) {
      if (now == null
          || (before.size() >= TopPostsWeekly.TOP
              && DESCENDING.compare(now, before.get(TopPostsWeekly.TOP - 1)) > 0)) {
        return null;
      }
      ranked = new ArrayList<>(before);
      ranked.add(now);
    } else if (now != null && DESCENDING.compare(now, before.get(at)) <= 0) {
      ranked = new ArrayList<>(before);
      ranked.set(at, now);
    } else {
      ranked = new ArrayList<>();
      candidates.get().forEach(ranked::add);
    }
    ranked.sort(DESCENDING);
    ranked = ranked.subList(0, Math.min(TopPostsWeekly.TOP, ranked.size()));
    return ranked.equals(before) ? null : ranked;
  }

  /** The best first. */
  private static final Comparator<TopPost> DESCENDING = new TopPostsWeekly.Ranking().reversed();
}
