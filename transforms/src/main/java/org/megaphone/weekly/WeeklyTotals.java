package org.megaphone.weekly;

import com.google.auto.value.AutoValue;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.megaphone.model.AttributedPost;
import org.megaphone.write.Cells;

/**
 * The sums behind one weekly row: counts of the posts published that week, views credited that
 * week, and the exact sum and count of engagement/followers ratios for engagement_rate.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class WeeklyTotals {
  public static final WeeklyTotals ZERO = create(0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0);

  public abstract long getPosts();

  public abstract long getCampaignPosts();

  public abstract long getLikes();

  public abstract long getComments();

  public abstract long getShares();

  public abstract long getSaves();

  public abstract long getViews();

  public abstract BigDecimal getRateSum();

  public abstract long getRateCount();

  @SchemaCreate
  public static WeeklyTotals create(
      long posts,
      long campaignPosts,
      long likes,
      long comments,
      long shares,
      long saves,
      long views,
      BigDecimal rateSum,
      long rateCount) {
    return new AutoValue_WeeklyTotals(
        posts, campaignPosts, likes, comments, shares, saves, views, rateSum, rateCount);
  }

  /** A post published in the week. */
  public static WeeklyTotals ofPost(AttributedPost p) {
    Long followers = p.getRateFollowers();
    boolean rated = followers != null && followers > 0;
    return create(
        1,
        p.getCampaign() ? 1 : 0,
        p.getLikes(),
        p.getComments(),
        p.getShares(),
        p.getSaves(),
        0,
        rated
            ? BigDecimal.valueOf(p.engagement()).divide(BigDecimal.valueOf(followers), Cells.EXACT)
            : BigDecimal.ZERO,
        rated ? 1 : 0);
  }

  /** Views credited in the week. */
  public static WeeklyTotals ofViews(long views) {
    return create(0, 0, 0, 0, 0, 0, views, BigDecimal.ZERO, 0);
  }

  public WeeklyTotals plus(WeeklyTotals o) {
    return create(
        getPosts() + o.getPosts(),
        getCampaignPosts() + o.getCampaignPosts(),
        getLikes() + o.getLikes(),
        getComments() + o.getComments(),
        getShares() + o.getShares(),
        getSaves() + o.getSaves(),
        getViews() + o.getViews(),
        getRateSum().add(o.getRateSum()),
        getRateCount() + o.getRateCount());
  }

  public long engagement() {
    return getLikes() + getComments() + getShares() + getSaves();
  }

  /** Mean engagement/followers over the rated posts; null when there is none. */
  public BigDecimal engagementRate() {
    return getRateCount() == 0
        ? null
        : getRateSum().divide(BigDecimal.valueOf(getRateCount()), Cells.EXACT);
  }
}
