package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A de-duplicated post with everything the reports need: its week, the entity credited and why, its
 * campaign and bulletin, its engagement counters and the followers used for its rate.
 */
@DefaultCoder(AttributedPost.WireCoder.class)
@AutoValue
public abstract class AttributedPost implements Serializable, ExportRow {
  public static final String UNATTRIBUTED = "(unattributed)";

  public abstract String getPlatform();

  public abstract String getPostId();

  public abstract String getHandle();

  public abstract long getPublishedAt();

  /** ISO week label of published_at in the dataset zone, e.g. 2020-W14. */
  public abstract String getWeek();

  /** The credited entity, or {@link #UNATTRIBUTED}. */
  public abstract String getEntityId();

  /** override, hosted-mention, author, mention, ambiguous or none. */
  public abstract String getReason();

  public abstract boolean getCampaign();

  public abstract @Nullable String getBulletinId();

  /** The post's language, else its author's roster language; null when neither is known. */
  public abstract @Nullable String getLanguage();

  public abstract long getLikes();

  public abstract long getComments();

  public abstract long getShares();

  public abstract long getSaves();

  /** Followers used for engagement_rate (post's, else the author's roster); null when unknown. */
  public abstract @Nullable Long getRateFollowers();

  /** All views credited to the post (its highest snapshot); 0 until views are credited. */
  public abstract long getViews();

  /** The row's exported_at, kept to choose among duplicate rows; null when not given. */
  @Override
  public abstract @Nullable Long getExportedAt();

  /** The row's raw record, the last tie-breaker among duplicate rows. */
  public abstract String getRecord();

  /** Where the row was read: keeps ties between identical records deterministic. */
  public abstract SourceRef getSource();

  /** The role of the entity credited; null for (unattributed). */
  public abstract @Nullable String getRole();

  public abstract @Nullable String getUrl();

  /** The post's themes (D35), sorted. */
  public abstract List<String> getThemes();

  /** The ids of the claims the post carries (D36), sorted. */
  public abstract List<String> getClaims();

  public static AttributedPost create(
      String platform,
      String postId,
      String handle,
      long publishedAt,
      String week,
      String entityId,
      String reason,
      boolean campaign,
      @Nullable String bulletinId,
      @Nullable String language,
      long likes,
      long comments,
      long shares,
      long saves,
      @Nullable Long rateFollowers,
      long views,
      @Nullable Long exportedAt,
      String record,
      SourceRef source,
      @Nullable String role,
      @Nullable String url,
      List<String> themes,
      List<String> claims) {
    return new AutoValue_AttributedPost(
        platform,
        postId,
        handle,
        publishedAt,
        week,
        entityId,
        reason,
        campaign,
        bulletinId,
        language,
        likes,
        comments,
        shares,
        saves,
        rateFollowers,
        views,
        exportedAt,
        record,
        source,
        role,
        url,
        List.copyOf(themes),
        List.copyOf(claims));
  }

  /**
   * The kept row of a post, with its credited views, without what only the choice among its rows
   * needed (its raw record and where it was read): lighter for every step after de-duplication.
   */
  public AttributedPost kept(long views) {
    return copy(views, "", NO_SOURCE);
  }

  private static final SourceRef NO_SOURCE = SourceRef.create("", 0, "");

  public AttributedPost withViews(long views) {
    return copy(views, getRecord(), getSource());
  }

  private AttributedPost copy(long views, String record, SourceRef source) {
    return create(
        getPlatform(),
        getPostId(),
        getHandle(),
        getPublishedAt(),
        getWeek(),
        getEntityId(),
        getReason(),
        getCampaign(),
        getBulletinId(),
        getLanguage(),
        getLikes(),
        getComments(),
        getShares(),
        getSaves(),
        getRateFollowers(),
        views,
        getExportedAt(),
        record,
        source,
        getRole(),
        getUrl(),
        getThemes(),
        getClaims());
  }

  @Override
  public String rawRecord() {
    return getRecord();
  }

  @Override
  public String sourceFile() {
    return getSource().getFile();
  }

  @Override
  public long sourceLine() {
    return getSource().getLine();
  }

  public String key() {
    return PostKeys.of(getPlatform(), getPostId());
  }

  @Override
  public long engagement() {
    return Math.addExact(
        Math.addExact(getLikes(), getComments()), Math.addExact(getShares(), getSaves()));
  }

  /**
   * The coder of a {@link AttributedPost}: its fields in declaration order ({@link Wire}). Changing
   * it changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<AttributedPost> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(AttributedPost.class, INSTANCE);
    }

    @Override
    public void encode(AttributedPost v, OutputStream out) throws IOException {
      Wire.writeString(v.getPlatform(), out);
      Wire.writeString(v.getPostId(), out);
      Wire.writeString(v.getHandle(), out);
      Wire.writeLong(v.getPublishedAt(), out);
      Wire.writeString(v.getWeek(), out);
      Wire.writeString(v.getEntityId(), out);
      Wire.writeString(v.getReason(), out);
      Wire.writeBoolean(v.getCampaign(), out);
      Wire.writeNullableString(v.getBulletinId(), out);
      Wire.writeNullableString(v.getLanguage(), out);
      Wire.writeLong(v.getLikes(), out);
      Wire.writeLong(v.getComments(), out);
      Wire.writeLong(v.getShares(), out);
      Wire.writeLong(v.getSaves(), out);
      Wire.writeNullableLong(v.getRateFollowers(), out);
      Wire.writeLong(v.getViews(), out);
      Wire.writeNullableLong(v.getExportedAt(), out);
      Wire.writeString(v.getRecord(), out);
      SourceRef.WireCoder.INSTANCE.encode(v.getSource(), out);
      Wire.writeNullableString(v.getRole(), out);
      Wire.writeNullableString(v.getUrl(), out);
      Wire.writeStrings(v.getThemes(), out);
      Wire.writeStrings(v.getClaims(), out);
    }

    @Override
    public AttributedPost decode(InputStream in) throws IOException {
      return create(
          Wire.readString(in),
          Wire.readString(in),
          Wire.readString(in),
          Wire.readLong(in),
          Wire.readString(in),
          Wire.readString(in),
          Wire.readString(in),
          Wire.readBoolean(in),
          Wire.readNullableString(in),
          Wire.readNullableString(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readNullableLong(in),
          Wire.readLong(in),
          Wire.readNullableLong(in),
          Wire.readString(in),
          SourceRef.WireCoder.INSTANCE.decode(in),
          Wire.readNullableString(in),
          Wire.readNullableString(in),
          Wire.readStrings(in),
          Wire.readStrings(in));
    }
  }
}
