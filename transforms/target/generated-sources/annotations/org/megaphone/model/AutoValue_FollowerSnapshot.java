package org.megaphone.model;

import javax.annotation.processing.Generated;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_FollowerSnapshot extends FollowerSnapshot {

  private final String platform;

  private final String handle;

  private final long observedAt;

  private final long followers;

  AutoValue_FollowerSnapshot(
      String platform,
      String handle,
      long observedAt,
      long followers) {
    if (platform == null) {
      throw new NullPointerException("Null platform");
    }
    this.platform = platform;
    if (handle == null) {
      throw new NullPointerException("Null handle");
    }
    this.handle = handle;
    this.observedAt = observedAt;
    this.followers = followers;
  }

  @Override
  public String getPlatform() {
    return platform;
  }

  @Override
  public String getHandle() {
    return handle;
  }

  @Override
  public long getObservedAt() {
    return observedAt;
  }

  @Override
  public long getFollowers() {
    return followers;
  }

  @Override
  public String toString() {
    return "FollowerSnapshot{"
        + "platform=" + platform + ", "
        + "handle=" + handle + ", "
        + "observedAt=" + observedAt + ", "
        + "followers=" + followers
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof FollowerSnapshot) {
      FollowerSnapshot that = (FollowerSnapshot) o;
      return this.platform.equals(that.getPlatform())
          && this.handle.equals(that.getHandle())
          && this.observedAt == that.getObservedAt()
          && this.followers == that.getFollowers();
    }
    return false;
  }

  @Override
  public int hashCode() {
    int h$ = 1;
    h$ *= 1000003;
    h$ ^= platform.hashCode();
    h$ *= 1000003;
    h$ ^= handle.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((observedAt >>> 32) ^ observedAt);
    h$ *= 1000003;
    h$ ^= (int) ((followers >>> 32) ^ followers);
    return h$;
  }

}
