package org.megaphone.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/** An analyst's manual attribution of one post to an entity. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class AttributionOverride implements java.io.Serializable {
  public abstract String getPlatform();

  public abstract String getPostId();

  public abstract String getEntityId();

  public abstract SourceRef getSource();

  @SchemaCreate
  public static AttributionOverride create(
      String platform, String postId, String entityId, SourceRef source) {
    return new AutoValue_AttributionOverride(platform, postId, entityId, source);
  }

  public String postKey() {
    return PostKeys.of(getPlatform(), getPostId());
  }
}
