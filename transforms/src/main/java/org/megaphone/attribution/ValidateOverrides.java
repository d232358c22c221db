package org.megaphone.attribution;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Reject;
import org.megaphone.model.Stats;

/**
 * Contract section 2, overrides: an override's entity_id must exist in the roster.
 *
 * <p>Input: de-duplicated overrides (bounded, small). Outputs: a map side input from post key
 * to entity_id ({@link #view}), rejects for unknown entities ({@link #REJECTS}) and the count
 * {@code overrides.rejected} / {@code overrides.accepted} adjustments ({@link #STATS}).
 */
public final class ValidateOverrides
    extends PTransform<PCollection<AttributionOverride>, PCollectionTuple> {
  public static final TupleTag<KV<String, String>> VALID = new TupleTag<>() {};
  public static final TupleTag<Reject> REJECTS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private final PCollectionView<Roster> roster;

  public ValidateOverrides(PCollectionView<Roster> roster) {
    this.roster = roster;
  }

  @java.lang.Override
  public PCollectionTuple expand(PCollection<AttributionOverride> overrides) {
    PCollectionTuple out =
        overrides.apply(
            "CheckOverrideEntities",
            ParDo.of(new CheckFn(roster))
                .withSideInputs(roster)
                .withOutputTags(VALID, TupleTagList.of(REJECTS).and(STATS)));
    out.get(VALID).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    out.get(STATS).setCoder(KvCoder.of(StringUtf8Coder.of(), org.apache.beam.sdk.coders.VarLongCoder.of()));
    try {
      out.get(REJECTS)
          .setCoder(overrides.getPipeline().getSchemaRegistry().getSchemaCoder(Reject.class));
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** The valid overrides as a map side input, post key to entity_id. */
  public static PCollectionView<java.util.Map<String, String>> view(PCollectionTuple validated) {
    return validated.get(VALID).apply("ViewOverrides", View.asMap());
  }

  private static final class CheckFn extends DoFn<AttributionOverride, KV<String, String>> {
    private final PCollectionView<Roster> roster;

    CheckFn(PCollectionView<Roster> roster) {
      this.roster = roster;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      AttributionOverride o = context.element();
      if (context.sideInput(roster).hasEntity(o.getEntityId())) {
        context.output(KV.of(o.postKey(), o.getEntityId()));
      } else {
        context.output(
            REJECTS,
            o.getSource()
                .reject("overrides", "unknown entity_id: entity_id='" + o.getEntityId() + "'"));
        // The row was counted as accepted by de-duplication; it moves to rejected.
        context.output(STATS, Stats.of("overrides", Stats.REJECTED, 1));
        context.output(STATS, Stats.of("overrides", Stats.ACCEPTED, -1));
      }
    }
  }
}
