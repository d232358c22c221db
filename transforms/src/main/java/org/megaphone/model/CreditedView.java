package org.megaphone.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A view gain (0 or more) of an attributed post, credited to the week of its snapshot. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class CreditedView implements java.io.Serializable {
  public abstract String getPlatform();

  public abstract String getPostId();

  public abstract long getObservedAt();

  /** ISO week label of observed_at in the dataset zone. */
  public abstract String getWeek();

  public abstract String getEntityId();

  public abstract @Nullable String getLanguage();

  public abstract @Nullable String getBulletinId();

  public abstract long getViews();

  @SchemaCreate
  public static CreditedView create(
      String platform,
      String postId,
      long observedAt,
      String week,
      String entityId,
      @Nullable String language,
      @Nullable String bulletinId,
      long views) {
    return new AutoValue_CreditedView(
        platform, postId, observedAt, week, entityId, language, bulletinId, views);
  }
}
