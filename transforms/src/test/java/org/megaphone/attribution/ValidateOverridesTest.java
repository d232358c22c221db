package org.megaphone.attribution;

import static org.megaphone.testing.Fixtures.account;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.model.Account;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Reject;
import org.megaphone.model.SourceRef;

/** Contract section 2 (an override's entity_id must exist in the roster) and decision D10. */
@ExtendWith(TestPipelineExtension.class)
class ValidateOverridesTest {
  private static final List<Account> ACCOUNTS =
      List.of(
          account("instagram", "anna", "anna", "influencer", 2),
          account("youtube", "sindaco.ivrea", "ivrea-mayor", "mayor", 3));

  private static AttributionOverride override(
      String platform, String postId, String entityId, long line) {
    String record = platform + "," + postId + "," + entityId;
    return AttributionOverride.create(
        platform, postId, entityId, SourceRef.create("overrides.csv", line, record));
  }

  private static PCollection<String> show(PCollectionTuple out) {
    return out.get(ValidateOverrides.VALID)
        .apply(
            "ShowValid",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (AttributionOverride o) ->
                        o.postKey() + "=" + o.getEntityId() + "@" + o.getSource().getLine()));
  }

  private static PCollection<String> showRejects(PCollectionTuple out) {
    return out.get(ValidateOverrides.REJECTS)
        .apply(
            "ShowRejects",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (Reject r) ->
                        r.getFile()
                            + ":"
                            + r.getLine()
                            + ":"
                            + r.getTable()
                            + ":"
                            + r.getReason()
                            + ":"
                            + r.getRecord()));
  }

  @Test
  void rejectsNothingWhenEveryOverrideNamesAnEntityOfTheRoster(TestPipeline p) {
    // The roster as the report job gives it: a side input built from the accounts.
    PCollectionView<Roster> roster =
        p.apply("CreateAccounts", Create.of(ACCOUNTS)).apply("BuildRoster", new BuildRoster());
    PCollectionTuple out =
        p.apply(
                "CreateOverrides",
                Create.of(
                    override("instagram", "p1", "anna", 2),
                    override("tiktok", "p2", "ivrea-mayor", 3)))
            .apply("ValidateOverrides", new ValidateOverrides(roster));

    PAssert.that(show(out)).containsInAnyOrder("instagram:p1=anna@2", "tiktok:p2=ivrea-mayor@3");
    PAssert.that(out.get(ValidateOverrides.REJECTS)).empty();
    PAssert.that(out.get(ValidateOverrides.STATS)).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void rejectsEveryOverrideOfAnUnknownEntityWithItsReasonAndCountsIt(TestPipeline p) {
    // The roster as the stream gives it: a value fixed when the pipeline is built.
    PCollectionTuple out =
        p.apply(
                "CreateOverrides",
                Create.of(
                    override("instagram", "p1", "anna", 2),
                    // The greater raw record: it would win the de-duplication of p1's overrides
                    // (D9).
                    override("instagram", "p1", "zz-unknown", 3),
                    override("x", "p3", "ghost", 4)))
            .apply(
                "ValidateOverrides", new ValidateOverrides(ConfigValue.fixed(Roster.of(ACCOUNTS))));

    PAssert.that(show(out)).containsInAnyOrder("instagram:p1=anna@2");
    PAssert.that(showRejects(out))
        .containsInAnyOrder(
            "overrides.csv:3:overrides:unknown entity_id: entity_id='zz-unknown':instagram,p1,zz-unknown",
            "overrides.csv:4:overrides:unknown entity_id: entity_id='ghost':x,p3,ghost");
    PAssert.that(out.get(ValidateOverrides.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(KV.of("overrides.rejected", 2L));
    p.run().waitUntilFinish();
  }

  /** Each key of the overrides map, as post key = entity. */
  private static final class ShowMapFn extends DoFn<Integer, String> {
    private final PCollectionView<Map<String, String>> overrides;

    ShowMapFn(PCollectionView<Map<String, String>> overrides) {
      this.overrides = overrides;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Map<String, String> map = c.sideInput(overrides);
      c.output("entries=" + map.size());
      map.forEach((post, entity) -> c.output(post + "=" + entity));
    }
  }

  private static PCollection<String> readView(
      TestPipeline p, PCollectionView<Map<String, String>> view) {
    return p.apply("CreateOne", Create.of(1))
        .apply("ReadOverrides", ParDo.of(new ShowMapFn(view)).withSideInputs(view));
  }

  @Test
  void theViewMapsEachPostToItsOverridesEntity(TestPipeline p) {
    PCollectionView<Map<String, String>> view =
        ValidateOverrides.view(
            p.apply(
                "CreateOverrides",
                Create.of(
                    override("instagram", "p1", "anna", 2),
                    override("tiktok", "p2", "ivrea-mayor", 3))));

    PAssert.that(readView(p, view))
        .containsInAnyOrder("entries=2", "instagram:p1=anna", "tiktok:p2=ivrea-mayor");
    p.run().waitUntilFinish();
  }

  @Test
  void theViewIsAnEmptyMapWhenNoOverrideIsLeft(TestPipeline p) {
    PCollectionView<Map<String, String>> view =
        ValidateOverrides.view(
            p.apply("CreateOverrides", Create.empty(TypeDescriptor.of(AttributionOverride.class))));

    PAssert.that(readView(p, view)).containsInAnyOrder("entries=0");
    p.run().waitUntilFinish();
  }
}
