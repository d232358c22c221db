package org.megaphone.weekly;

import java.math.BigDecimal;
import javax.annotation.processing.Generated;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_WeeklyTotals extends WeeklyTotals {

  private final long posts;

  private final long campaignPosts;

  private final long likes;

  private final long comments;

  private final long shares;

  private final long saves;

  private final long views;

  private final BigDecimal rateSum;

  private final long rateCount;

  AutoValue_WeeklyTotals(
      long posts,
      long campaignPosts,
      long likes,
      long comments,
      long shares,
      long saves,
      long views,
      BigDecimal rateSum,
      long rateCount) {
    this.posts = posts;
    this.campaignPosts = campaignPosts;
    this.likes = likes;
    this.comments = comments;
    this.shares = shares;
    this.saves = saves;
    this.views = views;
    if (rateSum == null) {
      throw new NullPointerException("Null rateSum");
    }
    this.rateSum = rateSum;
    this.rateCount = rateCount;
  }

  @Override
  public long getPosts() {
    return posts;
  }

  @Override
  public long getCampaignPosts() {
    return campaignPosts;
  }

  @Override
  public long getLikes() {
    return likes;
  }

  @Override
  public long getComments() {
    return comments;
  }

  @Override
  public long getShares() {
    return shares;
  }

  @Override
  public long getSaves() {
    return saves;
  }

  @Override
  public long getViews() {
    return views;
  }

  @Override
  public BigDecimal getRateSum() {
    return rateSum;
  }

  @Override
  public long getRateCount() {
    return rateCount;
  }

  @Override
  public String toString() {
    return "WeeklyTotals{"
        + "posts=" + posts + ", "
        + "campaignPosts=" + campaignPosts + ", "
        + "likes=" + likes + ", "
        + "comments=" + comments + ", "
        + "shares=" + shares + ", "
        + "saves=" + saves + ", "
        + "views=" + views + ", "
        + "rateSum=" + rateSum + ", "
        + "rateCount=" + rateCount
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof WeeklyTotals) {
      WeeklyTotals that = (WeeklyTotals) o;
      return this.posts == that.getPosts()
          && this.campaignPosts == that.getCampaignPosts()
          && this.likes == that.getLikes()
          && this.comments == that.getComments()
          && this.shares == that.getShares()
          && this.saves == that.getSaves()
          && this.views == that.getViews()
          && this.rateSum.equals(that.getRateSum())
          && this.rateCount == that.getRateCount();
    }
    return false;
  }

  @Override
  public int hashCode() {
    int h$ = 1;
    h$ *= 1000003;
    h$ ^= (int) ((posts >>> 32) ^ posts);
    h$ *= 1000003;
    h$ ^= (int) ((campaignPosts >>> 32) ^ campaignPosts);
    h$ *= 1000003;
    h$ ^= (int) ((likes >>> 32) ^ likes);
    h$ *= 1000003;
    h$ ^= (int) ((comments >>> 32) ^ comments);
    h$ *= 1000003;
    h$ ^= (int) ((shares >>> 32) ^ shares);
    h$ *= 1000003;
    h$ ^= (int) ((saves >>> 32) ^ saves);
    h$ *= 1000003;
    h$ ^= (int) ((views >>> 32) ^ views);
    h$ *= 1000003;
    h$ ^= rateSum.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((rateCount >>> 32) ^ rateCount);
    return h$;
  }

}
