package org.megaphone.model;

import javax.annotation.processing.Generated;
import org.checkerframework.checker.nullness.qual.Nullable;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_CreditedView extends CreditedView {

  private final String platform;

  private final String postId;

  private final long observedAt;

  private final String week;

  private final String entityId;

  private final @Nullable String language;

  private final @Nullable String bulletinId;

  private final long views;

  AutoValue_CreditedView(
      String platform,
      String postId,
      long observedAt,
      String week,
      String entityId,
      @Nullable String language,
      @Nullable String bulletinId,
      long views) {
    if (platform == null) {
      throw new NullPointerException("Null platform");
    }
    this.platform = platform;
    if (postId == null) {
      throw new NullPointerException("Null postId");
    }
    this.postId = postId;
    this.observedAt = observedAt;
    if (week == null) {
      throw new NullPointerException("Null week");
    }
    this.week = week;
    if (entityId == null) {
      throw new NullPointerException("Null entityId");
    }
    this.entityId = entityId;
    this.language = language;
    this.bulletinId = bulletinId;
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
  public long getObservedAt() {
    return observedAt;
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
  public @Nullable String getLanguage() {
    return language;
  }

  @Override
  public @Nullable String getBulletinId() {
    return bulletinId;
  }

  @Override
  public long getViews() {
    return views;
  }

  @Override
  public String toString() {
    return "CreditedView{"
        + "platform=" + platform + ", "
        + "postId=" + postId + ", "
        + "observedAt=" + observedAt + ", "
        + "week=" + week + ", "
        + "entityId=" + entityId + ", "
        + "language=" + language + ", "
        + "bulletinId=" + bulletinId + ", "
        + "views=" + views
        + "}";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof CreditedView) {
      CreditedView that = (CreditedView) o;
      return this.platform.equals(that.getPlatform())
          && this.postId.equals(that.getPostId())
          && this.observedAt == that.getObservedAt()
          && this.week.equals(that.getWeek())
          && this.entityId.equals(that.getEntityId())
          && (this.language == null ? that.getLanguage() == null : this.language.equals(that.getLanguage()))
          && (this.bulletinId == null ? that.getBulletinId() == null : this.bulletinId.equals(that.getBulletinId()))
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
    h$ ^= (int) ((observedAt >>> 32) ^ observedAt);
    h$ *= 1000003;
    h$ ^= week.hashCode();
    h$ *= 1000003;
    h$ ^= entityId.hashCode();
    h$ *= 1000003;
    h$ ^= (language == null) ? 0 : language.hashCode();
    h$ *= 1000003;
    h$ ^= (bulletinId == null) ? 0 : bulletinId.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((views >>> 32) ^ views);
    return h$;
  }

}
