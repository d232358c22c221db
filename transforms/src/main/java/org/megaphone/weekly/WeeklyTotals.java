package org.megaphone.weekly;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Wire;
import org.megaphone.write.Cells;

/**
 * The sums behind one weekly row: counts of the posts published that week, views credited that
 * week, and the sum of engagement/followers ratios for engagement_rate, kept as an exact fraction
 * (integer numerator and denominator) so the mean is rounded once.
 */
@DefaultCoder(WeeklyTotals.WireCoder.class)
@AutoValue
public abstract class WeeklyTotals {
  public static final WeeklyTotals ZERO =
      create(0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ONE, 0);

  public abstract long getPosts();

  public abstract long getCampaignPosts();

  public abstract long getLikes();

  public abstract long getComments();

  public abstract long getShares();

  public abstract long getSaves();

  public abstract long getViews();

  /** Credited view snapshots (gain 0 included): with posts, whether the row exists at all. */
  public abstract long getSnapshots();

  /** The sum of the rated posts' engagement/followers is rateNumerator / rateDenominator. */
  public abstract BigDecimal getRateNumerator();

  public abstract BigDecimal getRateDenominator();

  public abstract long getRateCount();

  public static WeeklyTotals create(
      long posts,
      long campaignPosts,
      long likes,
      long comments,
      long shares,
      long saves,
      long views,
      long snapshots,
      BigDecimal rateNumerator,
      BigDecimal rateDenominator,
      long rateCount) {
    return new AutoValue_WeeklyTotals(
        posts,
        campaignPosts,
        likes,
        comments,
        shares,
        saves,
        views,
        snapshots,
        rateNumerator,
        rateDenominator,
        rateCount);
  }

  /** A post published in the week. */
  public static WeeklyTotals ofPost(AttributedPost p) {
    Long followers = p.getRateFollowers();
    if (followers == null || followers <= 0) {
      return countsOfPost(p);
    }
    BigDecimal[] rate = reduced(p.engagement(), followers);
    return create(
        1,
        p.getCampaign() ? 1 : 0,
        p.getLikes(),
        p.getComments(),
        p.getShares(),
        p.getSaves(),
        0,
        0,
        rate[0],
        rate[1],
        1);
  }

  /**
   * The same counts without the engagement rate. The exact rate is a sum of fractions whose
   * denominator grows with every distinct follower count added: cheap per entity and week, but
   * quadratic for a key with thousands of posts, and only entities_weekly shows a rate.
   */
  public WeeklyTotals withoutRate() {
    return create(
        getPosts(),
        getCampaignPosts(),
        getLikes(),
        getComments(),
        getShares(),
        getSaves(),
        getViews(),
        getSnapshots(),
        BigDecimal.ZERO,
        BigDecimal.ONE,
        0);
  }

  /** A post's totals without the engagement rate (see {@link #withoutRate()}). */
  public static WeeklyTotals countsOfPost(AttributedPost p) {
    return create(
        1,
        p.getCampaign() ? 1 : 0,
        p.getLikes(),
        p.getComments(),
        p.getShares(),
        p.getSaves(),
        0,
        0,
        BigDecimal.ZERO,
        BigDecimal.ONE,
        0);
  }

  /** A fraction in lowest terms, so equal sums are equal values whatever their order. */
  private static BigDecimal[] reduced(long numerator, long denominator) {
    return reduced(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  private static BigDecimal[] reduced(BigInteger n, BigInteger d) {
    BigInteger gcd = n.gcd(d);
    if (gcd.signum() != 0) {
      n = n.divide(gcd);
      d = d.divide(gcd);
    }
    return new BigDecimal[] {new BigDecimal(n), new BigDecimal(d)};
  }

  /** Views credited in the week. */
  public static WeeklyTotals ofViews(long views) {
    return ofViews(views, 1);
  }

  /** Views credited in the week by a number of snapshots (gain 0 included). */
  public static WeeklyTotals ofViews(long views, long snapshots) {
    return create(0, 0, 0, 0, 0, 0, views, snapshots, BigDecimal.ZERO, BigDecimal.ONE, 0);
  }

  public WeeklyTotals plus(WeeklyTotals o) {
    BigDecimal[] sum;
    if (o.getRateNumerator().signum() == 0) {
      // Fractions are kept reduced, so a zero is 0/1 and adds nothing (most sums carry no rate).
      sum = new BigDecimal[] {getRateNumerator(), getRateDenominator()};
    } else if (getRateNumerator().signum() == 0) {
      sum = new BigDecimal[] {o.getRateNumerator(), o.getRateDenominator()};
    } else {
      sum = fractionSum(o);
    }
    return create(
        Math.addExact(getPosts(), o.getPosts()),
        Math.addExact(getCampaignPosts(), o.getCampaignPosts()),
        Math.addExact(getLikes(), o.getLikes()),
        Math.addExact(getComments(), o.getComments()),
        Math.addExact(getShares(), o.getShares()),
        Math.addExact(getSaves(), o.getSaves()),
        Math.addExact(getViews(), o.getViews()),
        Math.addExact(getSnapshots(), o.getSnapshots()),
        sum[0],
        sum[1],
        Math.addExact(getRateCount(), o.getRateCount()));
  }

  private BigDecimal[] fractionSum(WeeklyTotals o) {
    // a/b + c/d = (ad + cb) / bd, reduced so the numbers stay small.
    BigInteger n =
        getRateNumerator()
            .toBigIntegerExact()
            .multiply(o.getRateDenominator().toBigIntegerExact())
            .add(
                o.getRateNumerator()
                    .toBigIntegerExact()
                    .multiply(getRateDenominator().toBigIntegerExact()));
    BigInteger d =
        getRateDenominator()
            .toBigIntegerExact()
            .multiply(o.getRateDenominator().toBigIntegerExact());
    return reduced(n, d);
  }

  /** The opposite contribution: what retracts this one from a sum. */
  public WeeklyTotals negate() {
    return create(
        -getPosts(),
        -getCampaignPosts(),
        -getLikes(),
        -getComments(),
        -getShares(),
        -getSaves(),
        -getViews(),
        -getSnapshots(),
        getRateNumerator().negate(),
        getRateDenominator(),
        -getRateCount());
  }

  /** Whether a row with these sums exists: it had posts published or views credited. */
  public boolean isRow() {
    return getPosts() != 0 || getSnapshots() != 0;
  }

  public long engagement() {
    return Math.addExact(
        Math.addExact(getLikes(), getComments()), Math.addExact(getShares(), getSaves()));
  }

  /** Mean engagement/followers over the rated posts, rounded once to 6 decimals; null if none. */
  public BigDecimal engagementRate() {
    return getRateCount() == 0
        ? null
        : Cells.quotient(
            getRateNumerator(), getRateDenominator().multiply(BigDecimal.valueOf(getRateCount())));
  }

  /**
   * The coder of a {@link WeeklyTotals}: its fields in declaration order ({@link Wire}). Changing
   * it changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<WeeklyTotals> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(WeeklyTotals.class, INSTANCE);
    }

    @Override
    public void encode(WeeklyTotals v, OutputStream out) throws IOException {
      Wire.writeLong(v.getPosts(), out);
      Wire.writeLong(v.getCampaignPosts(), out);
      Wire.writeLong(v.getLikes(), out);
      Wire.writeLong(v.getComments(), out);
      Wire.writeLong(v.getShares(), out);
      Wire.writeLong(v.getSaves(), out);
      Wire.writeLong(v.getViews(), out);
      Wire.writeLong(v.getSnapshots(), out);
      Wire.writeBigDecimal(v.getRateNumerator(), out);
      Wire.writeBigDecimal(v.getRateDenominator(), out);
      Wire.writeLong(v.getRateCount(), out);
    }

    @Override
    public WeeklyTotals decode(InputStream in) throws IOException {
      return create(
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readBigDecimal(in),
          Wire.readBigDecimal(in),
          Wire.readLong(in));
    }
  }
}
