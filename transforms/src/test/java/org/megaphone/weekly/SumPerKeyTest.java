package org.megaphone.weekly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.CombineFnTester;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The per-key sum into one map that SumReports (on the DirectRunner) and the report job's run
 * counts use with {@code Combine.globally(...).withoutDefaults()}.
 */
@ExtendWith(TestPipelineExtension.class)
class SumPerKeyTest {
  private static final List<KV<String, Long>> COUNTS =
      List.of(
          KV.of("posts.read", 3L),
          KV.of("posts.rejected", 1L),
          KV.of("posts.read", 2L),
          KV.of("views.read", 0L),
          KV.of("posts.read", 4L));

  @Test
  void sumsTheValuesOfEachKeyIntoOneMap(TestPipeline p) {
    PCollection<Map<String, Long>> sums =
        p.apply(Create.of(COUNTS))
            .apply(
                "SumCounts",
                Combine.globally(new SumPerKey<String, Long>(Math::addExact)).withoutDefaults());

    PAssert.that(sums)
        .containsInAnyOrder(Map.of("posts.read", 9L, "posts.rejected", 1L, "views.read", 0L));
    p.run().waitUntilFinish();
  }

  @Test
  void givesNoMapAtAllForNoInput(TestPipeline p) {
    PCollection<Map<String, Long>> sums =
        p.apply(Create.empty(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
            .apply(
                "SumCounts",
                Combine.globally(new SumPerKey<String, Long>(Math::addExact)).withoutDefaults());

    PAssert.that(sums).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void partialMapsMergedInAnyGroupingGiveTheSameSums() {
    // Beam's tester sums the input whole and in shards merged in several orders (it shuffles the
    // list it is given).
    CombineFnTester.testCombineFn(
        new SumPerKey<String, Long>(Math::addExact),
        new ArrayList<>(COUNTS),
        Map.of("posts.read", 9L, "posts.rejected", 1L, "views.read", 0L));
  }
}
