package org.megaphone.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.rules.PostDeduplication;

/**
 * Contract section 4 (Duplicates, Views) for a stream: per post, state holds the row kept so far,
 * its distinct view snapshots and what has been emitted; every arrival emits the corrections
 * that bring the emitted contributions to what the contract says for everything seen
 * ({@link Retractions}). Whatever the arrival order, the sum of all contributions equals batch.
 *
 * <p>Input: {@link PostEvent}s, post rows and view snapshots (any windowing; re-windowed into the
 * global window; {@link #events} merges the two). Output (unbounded): {@link Contribution}s timestamped at their
 * event time (published_at, observed_at), ready for weekly windows; corrections of an earlier
 * week arrive as late data there. Views of a post never seen are held, not emitted (orphans).
 */
public final class CreditIncrementally
    extends PTransform<PCollection<PostEvent>, PCollection<Contribution>> {

  /** Post rows and view snapshots as one stream of events (two steps named on the pipeline). */
  public static PCollection<PostEvent> events(
      PCollection<AttributedPost> posts, PCollection<ViewSnapshot> views) {
    try {
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
          .setCoder(posts.getPipeline().getSchemaRegistry().getSchemaCoder(PostEvent.class));
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
  }

  @java.lang.Override
  public PCollection<Contribution> expand(PCollection<PostEvent> events) {
    SchemaRegistry schemas = events.getPipeline().getSchemaRegistry();
    try {
      return events
          .apply("IntoGlobalWindow", Window.<PostEvent>into(new GlobalWindows()))
          .apply("KeyByPost", WithKeys.of(PostEvent::postKey).withKeyType(TypeDescriptors.strings()))
          .apply("CorrectContributions", ParDo.of(new CorrectFn(schemas)))
          .setCoder(schemas.getSchemaCoder(Contribution.class));
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
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

    CorrectFn(SchemaRegistry schemas) throws NoSuchSchemaException {
      this.postSpec = StateSpecs.value(schemas.getSchemaCoder(AttributedPost.class));
      this.emittedSpec =
          StateSpecs.value(MapCoder.of(StringUtf8Coder.of(), schemas.getSchemaCoder(Contribution.class)));
    }

    @ProcessElement
    public void process(
        @Element KV<String, PostEvent> event,
        @StateId("post") ValueState<AttributedPost> postState,
        @StateId("snapshots") ValueState<Map<Long, Long>> snapshotsState,
        @StateId("emitted") ValueState<Map<String, Contribution>> emittedState,
        OutputReceiver<Contribution> out) {
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
        out.outputWithTimestamp(c, new Instant(c.getEventTime()));
      }
    }

    /**
     * Corrections of an earlier week are stamped with that week's time, before the arrival
     * that caused them; the weekly windows take them as late data within --allowedLateness.
     */
    @java.lang.Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }
}
