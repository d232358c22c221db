package org.megaphone.stream;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;
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

  @SchemaCreate
  public static Contribution create(
      String factKey,
      long eventTime,
      String entityId,
      String platform,
      @Nullable String language,
      WeeklyTotals totals) {
    return new AutoValue_Contribution(factKey, eventTime, entityId, platform, language, totals);
  }

  public Contribution withTotals(WeeklyTotals totals) {
    return create(getFactKey(), getEventTime(), getEntityId(), getPlatform(), getLanguage(), totals);
  }
}
