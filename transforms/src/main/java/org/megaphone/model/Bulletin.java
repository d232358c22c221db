package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A campaign message that was sent out. Hashtags are case-folded without '#', links normalised. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class Bulletin implements java.io.Serializable {
  public abstract String getBulletinId();

  public abstract @Nullable String getCampaign();

  public abstract long getSentAt();

  public abstract @Nullable String getLanguage();

  public abstract @Nullable Long getAudience();

  public abstract List<String> getHashtags();

  public abstract List<String> getLinks();

  public abstract @Nullable String getTitle();

  public abstract SourceRef getSource();

  @SchemaCreate
  public static Bulletin create(
      String bulletinId,
      @Nullable String campaign,
      long sentAt,
      @Nullable String language,
      @Nullable Long audience,
      List<String> hashtags,
      List<String> links,
      @Nullable String title,
      SourceRef source) {
    return new AutoValue_Bulletin(
        bulletinId,
        campaign,
        sentAt,
        language,
        audience,
        List.copyOf(hashtags),
        List.copyOf(links),
        title,
        source);
  }
}
