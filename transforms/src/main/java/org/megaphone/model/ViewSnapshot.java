package org.megaphone.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/** An accepted row of the views table: a post's cumulative views as of an instant (epoch ms). */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class ViewSnapshot implements java.io.Serializable {
  public abstract String getPlatform();

  public abstract String getPostId();

  public abstract long getObservedAt();

  public abstract long getViews();

  @SchemaCreate
  public static ViewSnapshot create(String platform, String postId, long observedAt, long views) {
    return new AutoValue_ViewSnapshot(platform, postId, observedAt, views);
  }

  public String postKey() {
    return PostKeys.of(getPlatform(), getPostId());
  }
}
