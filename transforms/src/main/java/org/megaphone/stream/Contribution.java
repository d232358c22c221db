package org.megaphone.stream;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.megaphone.model.AttributedPost;
import org.megaphone.weekly.WeeklyTotals;

/**
 * What one fact of a post adds to the weekly reports, or retracts when negative: its publication
 * (at published_at) or the gain of one of its view snapshots (at observed_at), with the
 * dimensions the reports group by.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class Contribution implements java.io.Serializable {
  /** Identifies the fact (post or snapshot, with its dimensions) across updates. */
  public abstract String getFactKey();

  /** Epoch ms of the event: the week it counts in. */
  public abstract long getEventTime();

  public abstract String getEntityId();

  public abstract String getPlatform();

  public abstract @Nullable String getLanguage();

  public abstract WeeklyTotals getTotals();

  /** The post's: its entity's role (null for unattributed), campaign, themes and claims. */
  public abstract @Nullable String getRole();

  public abstract boolean getCampaign();

  public abstract List<String> getThemes();

  public abstract List<String> getClaims();

  @SchemaCreate
  public static Contribution create(
      String factKey,
      long eventTime,
      String entityId,
      String platform,
      @Nullable String language,
      WeeklyTotals totals,
      @Nullable String role,
      boolean campaign,
      List<String> themes,
      List<String> claims) {
    return new AutoValue_Contribution(
        factKey, eventTime, entityId, platform, language, totals, role, campaign, List.copyOf(themes), List.copyOf(claims));
  }

  /** A fact of the post: its publication or a view gain, with the post's dimensions. */
  public static Contribution of(String factKey, long eventTime, AttributedPost post, WeeklyTotals totals) {
    return create(
        factKey, eventTime, post.getEntityId(), post.getPlatform(), post.getLanguage(), totals, post.getRole(),
        post.getCampaign(), post.getThemes(), post.getClaims());
  }

  public Contribution withTotals(WeeklyTotals totals) {
    return create(
        getFactKey(), getEventTime(), getEntityId(), getPlatform(), getLanguage(), totals, getRole(), getCampaign(),
        getThemes(), getClaims());
  }
}
