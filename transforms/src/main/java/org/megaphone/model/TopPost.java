package org.megaphone.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A post with a baseline (D37): a candidate for its week's top posts. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class TopPost implements java.io.Serializable {
  public abstract String getWeek();

  public abstract String getPlatform();

  public abstract String getPostId();

  public abstract String getHandle();

  public abstract String getEntityId();

  public abstract long getEngagement();

  /** Twice the median engagement of the account's previous posts (exact in halves), above 0. */
  public abstract long getDoubledBaseline();

  public abstract @Nullable String getUrl();

  @SchemaCreate
  public static TopPost create(
      String week, String platform, String postId, String handle, String entityId, long engagement,
      long doubledBaseline, @Nullable String url) {
    return new AutoValue_TopPost(week, platform, postId, handle, entityId, engagement, doubledBaseline, url);
  }
}
