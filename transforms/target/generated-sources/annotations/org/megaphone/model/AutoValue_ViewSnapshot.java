package org.megaphone.model;

import javax.annotation.processing.Generated;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_ViewSnapshot extends ViewSnapshot {

  private final String platform;

  private final String postId;

  private final long observedAt;

  private final long views;

  AutoValue_ViewSnapshot(
      String platform,
      String postId,
      long observedAt,
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
  public long getViews() {
    return views;
  }

  @Override
  public String toString() {
    return "ViewSnapshot{"
        + "platform=" + platform + ", "
        + "postId=" + postId + ", "
        + "observedAt=" + observedAt + ", "
        + "views=" + views
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof ViewSnapshot) {
      ViewSnapshot that = (ViewSnapshot) o;
      return this.platform.equals(that.getPlatform())
          && this.postId.equals(that.getPostId())
          && this.observedAt == that.getObservedAt()
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
    h$ ^= (int) ((views >>> 32) ^ views);
    return h$;
  }

}
