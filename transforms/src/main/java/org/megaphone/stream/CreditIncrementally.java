package org.megaphone.stream;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.PostEvent;
import org.megaphone.model.Reject;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.rules.PostDeduplication;
import org.megaphone.rules.Weeks;

/**
 * Contract section 4 (Duplicates, Views) for a stream: per post, state holds the row kept so far,
 * its distinct view snapshots and what has been emitted; every arrival emits the corrections that
 * bring the emitted contributions to what the contract says for everything seen ({@link
 * Retractions}). Whatever the arrival order, the sum of all contributions equals batch.
 *
 * <p>Input: {@link PostEvent}s, post rows and view snapshots (any windowing; re-windowed into the
 * global window; {@link #events} merges the two). Output (unbounded): {@link Contribution}s
 * timestamped at their event time (published_at, observed_at), ready for weekly windows;
 * corrections of an earlier week arrive as late data there. Views of a post never seen are held,
 * not emitted (orphans).
 */
public final class CreditIncrementally
    extends PTransform<PCollection<PostEvent>, PCollectionTuple> {
  /** The contributions, timestamped at their event time. */
  public static final TupleTag<Contribution> CONTRIBUTIONS = new TupleTag<>() {};

  /** Rows for a post whose state has expired (see {@link #expiring}). */
  public static final TupleTag<Reject> REJECTS = new TupleTag<>() {};

  /** Null: state is kept for ever (tests, replays); else when a post's state expires. */
  private final Expiry expiry;

  /** Per-post state kept for ever. */
  public CreditIncrementally() {
    this(null);
  }

  private CreditIncrementally(Expiry expiry) {
    this.expiry = expiry;
  }

  /**
   * Per-post state cleared once the watermark is {@code ttl} past the time no row of the post can
   * still change: the end of the last week it had a row in, plus the allowed lateness (D39). A row
   * for the post after that is rejected ("state expired"): a tombstone of one number per post
   * stays, so that such a row is said, never taken for a new post or an orphan view.
   */
  public static CreditIncrementally expiring(String zoneId, String allowedLateness, String ttl) {
    return new CreditIncrementally(new Expiry(zoneId, allowedLateness, ttl));
  }

  /** When a post's state expires: the week end of its last row, plus lateness and TTL. */
  static final class Expiry implements Serializable {
    final String zoneId;
    final long lateness;
    final String ttl;
    final long ttlMillis;

    Expiry(String zoneId, String allowedLateness, String ttl) {
      this.zoneId = zoneId;
      this.lateness = java.time.Duration.parse(allowedLateness).toMillis();
      this.ttl = ttl;
      this.ttlMillis = java.time.Duration.parse(ttl).toMillis();
    }

    Instant after(long lastEventMillis) {
      ZoneId zone = ZoneId.of(zoneId);
      long end = Weeks.endMillis(Weeks.label(lastEventMillis, zone), zone);
      long max = GlobalWindow.INSTANCE.maxTimestamp().getMillis() - 1;
      long at = end;
      for (long d : new long[] {lateness, ttlMillis}) {
        at = at > max - d ? max : at + d;
      }
      return Instant.ofEpochMilli(at);
    }
  }

  /** Post rows and view snapshots as one stream of events (two steps named on the pipeline). */
  public static PCollection<PostEvent> events(
      PCollection<AttributedPost> posts, PCollection<ViewSnapshot> views) {
    return PCollectionList.of(
            posts.apply(
                "WrapPosts",
                MapElements.into(TypeDescriptor.of(PostEvent.class))
                    .via((AttributedPost p) -> PostEvent.of(p))))
        .and(
            views.apply(
                "WrapViews",
                MapElements.into(TypeDescriptor.of(PostEvent.class))
                    .via((ViewSnapshot v) -> PostEvent.of(v))))
        .apply("FlattenPostEvents", Flatten.pCollections())
        .setCoder(PostEvent.WireCoder.INSTANCE);
  }

  @Override
  public PCollectionTuple expand(PCollection<PostEvent> events) {
    PCollectionTuple out =
        events
            .apply("IntoGlobalWindow", Window.<PostEvent>into(new GlobalWindows()))
            .apply(
                "KeyByPost", WithKeys.of(PostEvent::postKey).withKeyType(TypeDescriptors.strings()))
            .apply("CorrectContributions", new Correct(new CorrectFn(expiry)));
    out.get(CONTRIBUTIONS).setCoder(Contribution.WireCoder.INSTANCE);
    out.get(REJECTS).setCoder(Reject.WireCoder.INSTANCE);
    return out;
  }

  /**
   * The stateful step, with its rejects as a second output and the step name it had with one output
   * ({@code CorrectContributions/ParMultiDo(Correct)}): on Flink the name is the operator's uid,
   * which a savepoint's per-post state is restored by.
   */
  private static final class Correct
      extends PTransform<PCollection<KV<String, PostEvent>>, PCollectionTuple> {
    private final CorrectFn fn;

    Correct(CorrectFn fn) {
      this.fn = fn;
    }

    @Override
    public PCollectionTuple expand(PCollection<KV<String, PostEvent>> input) {
      return input.apply(
          "ParMultiDo(Correct)",
          ParDo.of(fn).withOutputTags(CONTRIBUTIONS, TupleTagList.of(REJECTS)));
    }
  }

  private static final class CorrectFn extends DoFn<KV<String, PostEvent>, Contribution> {
    @StateId("post")
    private final StateSpec<ValueState<AttributedPost>> postSpec;

    @StateId("snapshots")
    private final StateSpec<ValueState<Map<Long, Long>>> snapshotsSpec =
        StateSpecs.value(MapCoder.of(VarLongCoder.of(), VarLongCoder.of()));

    @StateId("emitted")
    private final StateSpec<ValueState<Map<String, Contribution>>> emittedSpec;

    /** When the post's state expired: its tombstone. */
    @StateId("expired")
    private final StateSpec<ValueState<Long>> expiredSpec = StateSpecs.value(VarLongCoder.of());

    @TimerId("expire")
    private final TimerSpec expireSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    private final Counter expiredPosts = Metrics.counter(CreditIncrementally.class, "expiredPosts");
    private final Counter expiredRows =
        Metrics.counter(CreditIncrementally.class, "rowsAfterExpiry");
    private final Expiry expiry;

    CorrectFn(Expiry expiry) {
      this.expiry = expiry;
      this.postSpec = StateSpecs.value(AttributedPost.WireCoder.INSTANCE);
      this.emittedSpec =
          StateSpecs.value(MapCoder.of(StringUtf8Coder.of(), Contribution.WireCoder.INSTANCE));
    }

    @ProcessElement
    public void process(
        @Element KV<String, PostEvent> event,
        @StateId("post") ValueState<AttributedPost> postState,
        @StateId("snapshots") ValueState<Map<Long, Long>> snapshotsState,
        @StateId("emitted") ValueState<Map<String, Contribution>> emittedState,
        @StateId("expired") ValueState<Long> expiredState,
        @TimerId("expire") Timer expire,
        MultiOutputReceiver receiver) {
      OutputReceiver<Contribution> out = receiver.get(CONTRIBUTIONS);
      Long expiredAt = expiredState.read();
      if (expiredAt != null) {
        expiredRows.inc();
        receiver.get(REJECTS).output(afterExpiry(event.getValue(), expiredAt));
        return;
      }
      AttributedPost post = postState.read();
      Map<Long, Long> snapshots = snapshotsState.read();
      snapshots = snapshots == null ? new HashMap<>() : new HashMap<>(snapshots);
      PostEvent e = event.getValue();
      if (e.getPost() != null) {
        if (post == null || PostDeduplication.compare(e.getPost(), post) > 0) {
          post = e.getPost();
          postState.write(post);
        }
      } else {
        snapshots.merge(e.getView().getObservedAt(), e.getView().getViews(), Math::max);
        snapshotsState.write(snapshots);
      }
      Map<String, Contribution> emitted = emittedState.read();
      Map<String, Contribution> current = Retractions.facts(post, snapshots);
      List<Contribution> corrections =
          Retractions.corrections(emitted == null ? Map.of() : emitted, current);
      if (!corrections.isEmpty()) {
        emittedState.write(current);
      }
      for (Contribution c : corrections) {
        out.outputWithTimestamp(c, Instant.ofEpochMilli(c.getEventTime()));
      }
      if (expiry != null) {
        long last = post == null ? Long.MIN_VALUE : post.getPublishedAt();
        for (long at : snapshots.keySet()) {
          last = Math.max(last, at);
        }
        expire.set(expiry.after(last));
      }
    }

    @OnTimer("expire")
    public void onExpire(
        OnTimerContext context,
        @StateId("post") ValueState<AttributedPost> postState,
        @StateId("snapshots") ValueState<Map<Long, Long>> snapshotsState,
        @StateId("emitted") ValueState<Map<String, Contribution>> emittedState,
        @StateId("expired") ValueState<Long> expiredState) {
      postState.clear();
      snapshotsState.clear();
      emittedState.clear();
      expiredState.write(context.timestamp().getMillis());
      expiredPosts.inc();
    }

    private Reject afterExpiry(PostEvent e, long expiredAt) {
      String reason =
          "its post's stream state expired at "
              + java.time.Instant.ofEpochMilli(expiredAt)
              + " (--stateTtl="
              + expiry.ttl
              + " after its last week and --allowedLateness); the report"
              + " job counts it";
      if (e.getPost() != null) {
        return e.getPost().getSource().reject("posts", reason);
      }
      ViewSnapshot v = e.getView();
      return Reject.create(
          "(stream state)",
          0,
          "views",
          reason,
          v.getPlatform()
              + ","
              + v.getPostId()
              + ","
              + java.time.Instant.ofEpochMilli(v.getObservedAt())
              + ","
              + v.getViews());
    }

    /**
     * Corrections of an earlier week are stamped with that week's time, before the arrival that
     * caused them; the weekly windows take them as late data within --allowedLateness.
     */
    @Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }
}
