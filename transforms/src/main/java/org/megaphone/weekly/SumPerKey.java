package org.megaphone.weekly;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/**
 * Sums values per key into one map, used with {@code Combine.globally} on the DirectRunner, where a
 * grouping with one key per row costs a timer and a bundle per key (partial maps are built on every
 * worker and merged). On Flink, {@code Combine.perKey} does the same without one map.
 */
public final class SumPerKey<K, V> extends Combine.CombineFn<KV<K, V>, Map<K, V>, Map<K, V>> {

  /** Adds two values; must be associative and commutative. */
  public interface Plus<V> extends BinaryOperator<V>, Serializable {}

  private final Plus<V> plus;

  public SumPerKey(Plus<V> plus) {
    this.plus = plus;
  }

  /** The entries of a map as pairs. */
  public static <K, V> List<KV<K, V>> entries(Map<K, V> sums) {
    List<KV<K, V>> out = new ArrayList<>(sums.size());
    sums.forEach((k, v) -> out.add(KV.of(k, v)));
    return out;
  }

  @Override
  public Map<K, V> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<K, V> addInput(Map<K, V> sums, KV<K, V> input) {
    sums.merge(input.getKey(), input.getValue(), plus);
    return sums;
  }

  @Override
  public Map<K, V> mergeAccumulators(Iterable<Map<K, V>> accumulators) {
    Map<K, V> all = new HashMap<>();
    for (Map<K, V> sums : accumulators) {
      sums.forEach((k, v) -> all.merge(k, v, plus));
    }
    return all;
  }

  @Override
  public Map<K, V> extractOutput(Map<K, V> sums) {
    return sums;
  }

  @Override
  public Coder<Map<K, V>> getAccumulatorCoder(CoderRegistry registry, Coder<KV<K, V>> input)
      throws CannotProvideCoderException {
    KvCoder<K, V> kv = (KvCoder<K, V>) input;
    return MapCoder.of(kv.getKeyCoder(), kv.getValueCoder());
  }

  @Override
  public Coder<Map<K, V>> getDefaultOutputCoder(CoderRegistry registry, Coder<KV<K, V>> input)
      throws CannotProvideCoderException {
    return getAccumulatorCoder(registry, input);
  }
}
