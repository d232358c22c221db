package org.megaphone.attribution;

import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Reject;
import org.megaphone.model.Stats;

/**
 * Contract section 2, overrides: an override's entity_id must exist in the roster (the rule and its
 * reject are {@link Overrides#unknownEntity}). Runs before de-duplication, so that a rejected
 * override is not used anywhere, not even to out-rank a valid one for the same post.
 *
 * <p>Input: overrides as read (bounded, small). Side input: the roster. Outputs: the valid
 * overrides ({@link #VALID}), rejects for unknown entities ({@link #REJECTS}) and the count {@code
 * overrides.rejected} ({@link #STATS}).
 */
public final class ValidateOverrides
    extends PTransform<PCollection<AttributionOverride>, PCollectionTuple> {
  public static final TupleTag<AttributionOverride> VALID = new TupleTag<>() {};
  public static final TupleTag<Reject> REJECTS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private final ConfigValue<Roster> roster;

  public ValidateOverrides(PCollectionView<Roster> roster) {
    this(ConfigValue.of(roster));
  }

  /** With the roster as a side input or as a value fixed when the job is built. */
  public ValidateOverrides(ConfigValue<Roster> roster) {
    this.roster = roster;
  }

  @Override
  public PCollectionTuple expand(PCollection<AttributionOverride> overrides) {
    PCollectionTuple out =
        overrides.apply(
            "CheckOverrideEntities",
            ParDo.of(new CheckFn(roster))
                .withSideInputs(ConfigValue.views(roster))
                .withOutputTags(VALID, TupleTagList.of(REJECTS).and(STATS)));
    out.get(VALID).setCoder(overrides.getCoder());
    out.get(STATS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    out.get(REJECTS).setCoder(Reject.WireCoder.INSTANCE);
    return out;
  }

  /**
   * De-duplicated valid overrides as a side input, post key to entity_id: one map, empty when there
   * are none. A singleton that always holds a value, never an empty multimap: on Flink a stream's
   * side input that never receives an element is only ready once watermarks say it never will, and
   * until then every post waits (see runbooks/live-monitoring.md).
   */
  public static PCollectionView<Map<String, String>> view(PCollection<AttributionOverride> kept) {
    return kept.apply("GatherOverrides", Combine.globally(new ToList<AttributionOverride>()))
        .apply(
            "KeyOverrides",
            MapElements.into(
                    TypeDescriptors.maps(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via(Overrides::byPost))
        .setCoder(MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("ViewOverrides", View.asSingleton());
  }

  private static final class CheckFn extends DoFn<AttributionOverride, AttributionOverride> {
    private final ConfigValue<Roster> roster;

    CheckFn(ConfigValue<Roster> roster) {
      this.roster = roster;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      AttributionOverride o = context.element();
      Optional<Reject> reject = Overrides.unknownEntity(roster.get(context), o);
      if (reject.isEmpty()) {
        context.output(o);
      } else {
        context.output(REJECTS, reject.get());
        context.output(STATS, Stats.of("overrides", Stats.REJECTED, 1));
      }
    }
  }
}
