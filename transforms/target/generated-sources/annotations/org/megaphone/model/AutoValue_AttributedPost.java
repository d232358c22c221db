package org.megaphone.model;

import javax.annotation.processing.Generated;
import org.checkerframework.checker.nullness.qual.Nullable;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_AttributedPost extends AttributedPost {

  private final String platform;

  private final String postId;

  private final String handle;

  private final long publishedAt;

  private final String week;

  private final String entityId;

  private final String reason;

  private final boolean campaign;

  private final @Nullable String bulletinId;

  private final @Nullable String language;

  private final long likes;

  private final long comments;

  private final long shares;

  private final long saves;

  private final @Nullable Long rateFollowers;

  private final long views;

  AutoValue_AttributedPost(
      String platform,
      String postId,
      String handle,
      long publishedAt,
      String week,
      String entityId,
      String reason,
      boolean campaign,
      @Nullable String bulletinId,
      @Nullable String language,
      long likes,
      long comments,
      long shares,
      long saves,
      @Nullable Long rateFollowers,
      long views) {
    if (platform == null) {
      throw new NullPointerException("Null platform");
    }
    this.platform = platform;
    if (postId == null) {
      throw new NullPointerException("Null postId");
    }
    this.postId = postId;
    if (handle == null) {
      throw new NullPointerException("Null handle");
    }
    this.handle = handle;
    this.publishedAt = publishedAt;
    if (week == null) {
      throw new NullPointerException("Null week");
    }
    this.week = week;
    if (entityId == null) {
      throw new NullPointerException("Null entityId");
    }
    this.entityId = entityId;
    if (reason == null) {
      throw new NullPointerException("Null reason");
    }
    this.reason = reason;
    this.campaign = campaign;
    this.bulletinId = bulletinId;
    this.language = language;
    this.likes = likes;
    this.comments = comments;
    this.shares = shares;
    this.saves = saves;
    this.rateFollowers = rateFollowers;
    this.views = views;
  }

  @Override
  public String getPlatform() {
    return platform;
  }

  @Override
  public String getPostId() {
    return postId;
  }

  @Override
  public String getHandle() {
    return handle;
  }

  @Override
  public long getPublishedAt() {
    return publishedAt;
  }

  @Override
  public String getWeek() {
    return week;
  }

  @Override
  public String getEntityId() {
    return entityId;
  }

  @Override
  public String getReason() {
    return reason;
  }

  @Override
  public boolean getCampaign() {
    return campaign;
  }

  @Override
  public @Nullable String getBulletinId() {
    return bulletinId;
  }

  @Override
  public @Nullable String getLanguage() {
    return language;
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
  public @Nullable Long getRateFollowers() {
    return rateFollowers;
  }

  @Override
  public long getViews() {
    return views;
  }

  @Override
  public String toString() {
    return "AttributedPost{"
        + "platform=" + platform + ", "
        + "postId=" + postId + ", "
        + "handle=" + handle + ", "
        + "publishedAt=" + publishedAt + ", "
        + "week=" + week + ", "
        + "entityId=" + entityId + ", "
        + "reason=" + reason + ", "
        + "campaign=" + campaign + ", "
        + "bulletinId=" + bulletinId + ", "
        + "language=" + language + ", "
        + "likes=" + likes + ", "
        + "comments=" + comments + ", "
        + "shares=" + shares + ", "
        + "saves=" + saves + ", "
        + "rateFollowers=" + rateFollowers + ", "
        + "views=" + views
        + "}";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof AttributedPost) {
      AttributedPost that = (AttributedPost) o;
      return this.platform.equals(that.getPlatform())
          && this.postId.equals(that.getPostId())
          && this.handle.equals(that.getHandle())
          && this.publishedAt == that.getPublishedAt()
          && this.week.equals(that.getWeek())
          && this.entityId.equals(that.getEntityId())
          && this.reason.equals(that.getReason())
          && this.campaign == that.getCampaign()
          && (this.bulletinId == null ? that.getBulletinId() == null : this.bulletinId.equals(that.getBulletinId()))
          && (this.language == null ? that.getLanguage() == null : this.language.equals(that.getLanguage()))
          && this.likes == that.getLikes()
          && this.comments == that.getComments()
          && this.shares == that.getShares()
          && this.saves == that.getSaves()
          && (this.rateFollowers == null ? that.getRateFollowers() == null : this.rateFollowers.equals(that.getRateFollowers()))
          && this.views == that.getViews();
    }
    return false;
  }

  @Override
  public int hashCode() {
    int h$ = 1;
    h$ *= 1000003;
    h$ ^= platform.hashCode();
    h$ *= 1000003;
    h$ ^= postId.hashCode();
    h$ *= 1000003;
    h$ ^= handle.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((publishedAt >>> 32) ^ publishedAt);
    h$ *= 1000003;
    h$ ^= week.hashCode();
    h$ *= 1000003;
    h$ ^= entityId.hashCode();
    h$ *= 1000003;
    h$ ^= reason.hashCode();
    h$ *= 1000003;
    h$ ^= campaign ? 1231 : 1237;
    h$ *= 1000003;
    h$ ^= (bulletinId == null) ? 0 : bulletinId.hashCode();
    h$ *= 1000003;
    h$ ^= (language == null) ? 0 : language.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((likes >>> 32) ^ likes);
    h$ *= 1000003;
    h$ ^= (int) ((comments >>> 32) ^ comments);
    h$ *= 1000003;
    h$ ^= (int) ((shares >>> 32) ^ shares);
    h$ *= 1000003;
    h$ ^= (int) ((saves >>> 32) ^ saves);
    h$ *= 1000003;
    h$ ^= (rateFollowers == null) ? 0 : rateFollowers.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((views >>> 32) ^ views);
    return h$;
  }

}
