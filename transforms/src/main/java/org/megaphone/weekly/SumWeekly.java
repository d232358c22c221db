package org.megaphone.weekly;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.CreditedView;

/**
 * Sums posts published and views credited per weekly key (contract section 5, Definitions): a key
 * gets a row for every week in which it had posts published or views credited.
 *
 * <p>Input: attributed posts; the credited views are given to the constructor. Both must be in
 * the same windowing. Output: one map from key to {@link WeeklyTotals} (per window; none when
 * there is no input). The key functions must put the week in the key: a post's week is its
 * publication's, a view's its snapshot's.
 */
public final class SumWeekly
    extends PTransform<PCollection<AttributedPost>, PCollection<Map<String, WeeklyTotals>>> {
  /** Separates the parts of a composite key; it cannot occur in the contract's values. */
  public static final String SEP = "\u001f";

  private final PCollection<CreditedView> credits;
  private final SerializableFunction<AttributedPost, List<String>> postKeys;
  private final SerializableFunction<CreditedView, List<String>> viewKeys;
  private final boolean rate;

  /** One key per post and per view. */
  public SumWeekly(
      PCollection<CreditedView> credits,
      SerializableFunction<AttributedPost, String> postKey,
      SerializableFunction<CreditedView, String> viewKey) {
    this(credits, new Keys<>(new One<>(postKey)), new Keys<>(new One<>(viewKey)), true);
  }

  /** One key per post and per view, summing counts only: no engagement rate (see WeeklyTotals#withoutRate). */
  public static SumWeekly counts(
      PCollection<CreditedView> credits,
      SerializableFunction<AttributedPost, String> postKey,
      SerializableFunction<CreditedView, String> viewKey) {
    return new SumWeekly(credits, new Keys<>(new One<>(postKey)), new Keys<>(new One<>(viewKey)), false);
  }

  /**
   * Any number of keys per post and per view (a post with two themes counts under both), summing
   * counts only.
   */
  public static SumWeekly fanOut(
      PCollection<CreditedView> credits,
      SerializableFunction<AttributedPost, List<String>> postKeys,
      SerializableFunction<CreditedView, List<String>> viewKeys) {
    return new SumWeekly(credits, new Keys<>(postKeys), new Keys<>(viewKeys), false);
  }

  private SumWeekly(
      PCollection<CreditedView> credits, Keys<AttributedPost> postKeys, Keys<CreditedView> viewKeys, boolean rate) {
    this.credits = credits;
    this.postKeys = postKeys.of();
    this.viewKeys = viewKeys.of();
    this.rate = rate;
  }

  /** The keys of a row (a type of its own, so both constructors can exist). */
  private record Keys<T>(SerializableFunction<T, List<String>> of) {}

  @java.lang.Override
  public PCollection<Map<String, WeeklyTotals>> expand(PCollection<AttributedPost> posts) {
    KvCoder<String, WeeklyTotals> coder;
    try {
      coder =
          KvCoder.of(
              StringUtf8Coder.of(),
              posts.getPipeline().getSchemaRegistry().getSchemaCoder(WeeklyTotals.class));
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
    TypeDescriptor<KV<String, WeeklyTotals>> type =
        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(WeeklyTotals.class));
    PCollection<KV<String, WeeklyTotals>> fromPosts =
        posts
            .apply(
                "TotalPost",
                FlatMapElements.into(type).via(new Totals<>(postKeys, rate ? WeeklyTotals::ofPost : WeeklyTotals::countsOfPost)))
            .setCoder(coder);
    PCollection<KV<String, WeeklyTotals>> fromViews =
        credits
            .apply("TotalViews", FlatMapElements.into(type).via(new Totals<>(viewKeys, (CreditedView v) -> WeeklyTotals.ofViews(v.getViews()))))
            .setCoder(coder);
    return PCollectionList.of(fromPosts)
        .and(fromViews)
        .apply("FlattenTotals", Flatten.pCollections())
        .apply(
            "SumTotals",
            Combine.globally(new SumPerKey<WeeklyTotals>(WeeklyTotals::plus)).withoutDefaults())
        .setCoder(MapCoder.of(StringUtf8Coder.of(), coder.getValueCoder()));
  }

  /** Joins key parts with {@link #SEP}; null parts are empty. */
  public static String key(String... parts) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        b.append(SEP);
      }
      b.append(parts[i] == null ? "" : parts[i]);
    }
    return b.toString();
  }

  /** Splits a key made by {@link #key}. */
  public static String[] parts(String key) {
    return key.split(SEP, -1);
  }

  /** A post's or a view's contribution under each of its keys. */
  private static final class Totals<T> implements SerializableFunction<T, Iterable<KV<String, WeeklyTotals>>> {
    private final SerializableFunction<T, List<String>> keys;
    private final SerializableFunction<T, WeeklyTotals> totals;

    Totals(SerializableFunction<T, List<String>> keys, SerializableFunction<T, WeeklyTotals> totals) {
      this.keys = keys;
      this.totals = totals;
    }

    @java.lang.Override
    public Iterable<KV<String, WeeklyTotals>> apply(T row) {
      List<KV<String, WeeklyTotals>> out = new java.util.ArrayList<>();
      WeeklyTotals t = totals.apply(row);
      for (String key : keys.apply(row)) {
        out.add(KV.of(key, t));
      }
      return out;
    }
  }

  /** A single key as a list of one. */
  private static final class One<T> implements SerializableFunction<T, List<String>> {
    private final SerializableFunction<T, String> key;

    One(SerializableFunction<T, String> key) {
      this.key = key;
    }

    @java.lang.Override
    public List<String> apply(T row) {
      return List.of(key.apply(row));
    }
  }
}
