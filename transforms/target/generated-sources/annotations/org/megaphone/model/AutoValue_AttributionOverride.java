package org.megaphone.model;

import javax.annotation.processing.Generated;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_AttributionOverride extends AttributionOverride {

  private final String platform;

  private final String postId;

  private final String entityId;

  private final SourceRef source;

  AutoValue_AttributionOverride(
      String platform,
      String postId,
      String entityId,
      SourceRef source) {
    if (platform == null) {
      throw new NullPointerException("Null platform");
    }
    this.platform = platform;
    if (postId == null) {
      throw new NullPointerException("Null postId");
    }
    this.postId = postId;
    if (entityId == null) {
      throw new NullPointerException("Null entityId");
    }
    this.entityId = entityId;
    if (source == null) {
      throw new NullPointerException("Null source");
    }
    this.source = source;
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
  public String getEntityId() {
    return entityId;
  }

  @Override
  public SourceRef getSource() {
    return source;
  }

  @Override
  public String toString() {
    return "AttributionOverride{"
        + "platform=" + platform + ", "
        + "postId=" + postId + ", "
        + "entityId=" + entityId + ", "
        + "source=" + source
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof AttributionOverride) {
      AttributionOverride that = (AttributionOverride) o;
      return this.platform.equals(that.getPlatform())
          && this.postId.equals(that.getPostId())
          && this.entityId.equals(that.getEntityId())
          && this.source.equals(that.getSource());
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
    h$ ^= entityId.hashCode();
    h$ *= 1000003;
    h$ ^= source.hashCode();
    return h$;
  }

}
