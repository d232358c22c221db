package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.util.List;
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

  /** The post's: the role of its entity (null for unattributed), campaign, themes and claims. */
  public abstract @Nullable String getRole();

  public abstract boolean getCampaign();

  public abstract List<String> getThemes();

  public abstract List<String> getClaims();

  @SchemaCreate
  public static CreditedView create(
      String platform,
      String postId,
      long observedAt,
      String week,
      String entityId,
      @Nullable String language,
      @Nullable String bulletinId,
      long views,
      @Nullable String role,
      boolean campaign,
      List<String> themes,
      List<String> claims) {
    return new AutoValue_CreditedView(
        platform, postId, observedAt, week, entityId, language, bulletinId, views, role, campaign,
        List.copyOf(themes), List.copyOf(claims));
  }

  /** A view gain of the post, credited at the given instant and week. */
  public static CreditedView of(AttributedPost post, long observedAt, String week, long views) {
    return create(
        post.getPlatform(), post.getPostId(), observedAt, week, post.getEntityId(), post.getLanguage(),
        post.getBulletinId(), views, post.getRole(), post.getCampaign(), post.getThemes(), post.getClaims());
  }
}
