package org.megaphone.weekly;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.megaphone.model.Wire;

/**
 * What one {@link ReportKey} sums: the weekly totals of its posts and views (for claims: those of
 * the spread), the totals of the campaign's answer (claims only), a bulletin's uptake, or a stat's
 * count. A part no contribution had is null, so that a key sums only what it uses.
 */
@DefaultCoder(Sums.WireCoder.class)
@AutoValue
public abstract class Sums {
  public static final Sums NONE = create(null, null, null, 0);

  public abstract @Nullable WeeklyTotals getTotals();

  /** claims_weekly: the totals of the campaign posts carrying the claim. */
  public abstract @Nullable WeeklyTotals getCounter();

  public abstract @Nullable UptakeTotals getUptake();

  public abstract long getCount();

  public static Sums create(
      @Nullable WeeklyTotals totals,
      @Nullable WeeklyTotals counter,
      @Nullable UptakeTotals uptake,
      long count) {
    return new AutoValue_Sums(totals, counter, uptake, count);
  }

  public static Sums of(WeeklyTotals totals) {
    return create(totals, null, null, 0);
  }

  public static Sums counter(WeeklyTotals counter) {
    return create(null, counter, null, 0);
  }

  public static Sums of(UptakeTotals uptake) {
    return create(null, null, uptake, 0);
  }

  public static Sums count(long count) {
    return create(null, null, null, count);
  }

  /** The totals, zero when none were summed. */
  public WeeklyTotals totals() {
    return getTotals() == null ? WeeklyTotals.ZERO : getTotals();
  }

  public WeeklyTotals counter() {
    return getCounter() == null ? WeeklyTotals.ZERO : getCounter();
  }

  public Sums plus(Sums o) {
    return create(
        plus(getTotals(), o.getTotals()),
        plus(getCounter(), o.getCounter()),
        getUptake() == null
            ? o.getUptake()
            : o.getUptake() == null ? getUptake() : getUptake().plus(o.getUptake()),
        Math.addExact(getCount(), o.getCount()));
  }

  private static @Nullable WeeklyTotals plus(@Nullable WeeklyTotals a, @Nullable WeeklyTotals b) {
    return a == null ? b : b == null ? a : a.plus(b);
  }

  /** The coder of sums: each part behind a presence byte, then the count. */
  public static final class WireCoder extends Wire.Coder<Sums> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(Sums.class, INSTANCE);
    }

    @Override
    public void encode(Sums v, OutputStream out) throws IOException {
      Wire.writeNullable(WeeklyTotals.WireCoder.INSTANCE, v.getTotals(), out);
      Wire.writeNullable(WeeklyTotals.WireCoder.INSTANCE, v.getCounter(), out);
      Wire.writeNullable(UptakeTotals.WireCoder.INSTANCE, v.getUptake(), out);
      Wire.writeLong(v.getCount(), out);
    }

    @Override
    public Sums decode(InputStream in) throws IOException {
      return create(
          Wire.readNullable(WeeklyTotals.WireCoder.INSTANCE, in),
          Wire.readNullable(WeeklyTotals.WireCoder.INSTANCE, in),
          Wire.readNullable(UptakeTotals.WireCoder.INSTANCE, in),
          Wire.readLong(in));
    }
  }
}
