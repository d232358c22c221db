package org.megaphone.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/** A channel's follower count as of an instant (epoch ms). */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class FollowerSnapshot implements java.io.Serializable {
  public abstract String getPlatform();

  public abstract String getHandle();

  public abstract long getObservedAt();

  public abstract long getFollowers();

  @SchemaCreate
  public static FollowerSnapshot create(
      String platform, String handle, long observedAt, long followers) {
    return new AutoValue_FollowerSnapshot(platform, handle, observedAt, followers);
  }

  public String channelKey() {
    return getPlatform() + ":" + getHandle();
  }
}
