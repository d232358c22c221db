package org.megaphone.weekly;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/**
 * Sums values per key into one map: a report's rows, keyed by the report's key columns.
 *
 * <p>Used with {@code Combine.globally} rather than {@code Combine.perKey} because a report is
 * written whole by one worker anyway, so its rows must fit in memory: one map costs nothing more
 * at scale (partial maps are built on every worker and merged), and it avoids a grouping with one
 * key per row, which on the DirectRunner costs a timer and a bundle per key.
 */
public final class SumPerKey<V> extends Combine.CombineFn<KV<String, V>, Map<String, V>, Map<String, V>> {

  /** Adds two values; must be associative and commutative. */
  public interface Plus<V> extends BinaryOperator<V>, Serializable {}

  private final Plus<V> plus;

  public SumPerKey(Plus<V> plus) {
    this.plus = plus;
  }

  @java.lang.Override
  public Map<String, V> createAccumulator() {
    return new HashMap<>();
  }

  @java.lang.Override
  public Map<String, V> addInput(Map<String, V> sums, KV<String, V> input) {
    sums.merge(input.getKey(), input.getValue(), plus);
    return sums;
  }

  @java.lang.Override
  public Map<String, V> mergeAccumulators(Iterable<Map<String, V>> accumulators) {
    Map<String, V> all = new HashMap<>();
    for (Map<String, V> sums : accumulators) {
      sums.forEach((k, v) -> all.merge(k, v, plus));
    }
    return all;
  }

  @java.lang.Override
  public Map<String, V> extractOutput(Map<String, V> sums) {
    return sums;
  }

  @java.lang.Override
  public Coder<Map<String, V>> getAccumulatorCoder(CoderRegistry registry, Coder<KV<String, V>> input)
      throws CannotProvideCoderException {
    return MapCoder.of(StringUtf8Coder.of(), ((KvCoder<String, V>) input).getValueCoder());
  }

  @java.lang.Override
  public Coder<Map<String, V>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<KV<String, V>> input) throws CannotProvideCoderException {
    return getAccumulatorCoder(registry, input);
  }
}
