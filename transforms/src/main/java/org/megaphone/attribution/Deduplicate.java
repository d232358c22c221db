package org.megaphone.attribution;

import java.io.Serializable;
import java.util.Comparator;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.megaphone.model.Stats;

/**
 * Contract section 4, Duplicates, for any table: rows with the same key keep the greatest by the
 * table's preference.
 *
 * <p>Input: the table's rows (bounded). Output: the kept rows ({@link #kept}) and the counts {@code
 * <table>.duplicates} and {@code <table>.accepted} ({@link #STATS}). Nothing is rejected.
 */
public final class Deduplicate<T> extends PTransform<PCollection<T>, PCollectionTuple> {
  public final TupleTag<T> kept = new TupleTag<>();
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private final String table;
  private final SerializableFunction<T, String> key;
  private final SerializableComparator<T> preference;

  /** A comparator that travels with the pipeline. */
  public interface SerializableComparator<T> extends Comparator<T>, Serializable {}

  public Deduplicate(
      String table, SerializableFunction<T, String> key, SerializableComparator<T> preference) {
    this.table = table;
    this.key = key;
    this.preference = preference;
  }

  @Override
  public PCollectionTuple expand(PCollection<T> rows) {
    PCollectionTuple out =
        rows.apply("KeyRows", WithKeys.of(key).withKeyType(TypeDescriptors.strings()))
            .apply("GroupByKey", GroupByKey.create())
            .apply(
                "KeepPreferred",
                ParDo.of(new KeepPreferredFn<>(table, preference, kept))
                    .withOutputTags(kept, TupleTagList.of(STATS)));
    out.get(kept).setCoder(rows.getCoder());
    out.get(STATS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

  private static final class KeepPreferredFn<T> extends DoFn<KV<String, Iterable<T>>, T> {
    private final String table;
    private final Comparator<T> preference;
    private final TupleTag<T> kept;

    KeepPreferredFn(String table, Comparator<T> preference, TupleTag<T> kept) {
      this.table = table;
      this.preference = preference;
      this.kept = kept;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<T>> group, MultiOutputReceiver out) {
      T best = null;
      long rows = 0;
      for (T row : group.getValue()) {
        rows++;
        if (best == null || preference.compare(row, best) > 0) {
          best = row;
        }
      }
      out.get(kept).output(best);
      out.get(STATS).output(Stats.of(table, Stats.ACCEPTED, 1));
      if (rows > 1) {
        out.get(STATS).output(Stats.of(table, Stats.DUPLICATES, rows - 1));
      }
    }
  }
}
