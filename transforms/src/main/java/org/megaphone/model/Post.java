package org.megaphone.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;

/** An accepted row of the posts table. Instants are epoch milliseconds. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class Post implements java.io.Serializable, ExportRow {
  public abstract String getPlatform();

  public abstract String getPostId();

  /** The author, normalised: no leading {@code @}, lower case. */
  public abstract String getHandle();

  public abstract long getPublishedAt();

  public abstract @Nullable String getText();

  public abstract @Nullable String getUrl();

  /** Lower case, or null when not given. */
  public abstract @Nullable String getLanguage();

  public abstract long getLikes();

  public abstract long getComments();

  public abstract long getShares();

  public abstract long getSaves();

  public abstract @Nullable Long getFollowers();

  @java.lang.Override
  public abstract @Nullable Long getExportedAt();

  public abstract SourceRef getSource();

  @SchemaCreate
  public static Post create(
      String platform,
      String postId,
      String handle,
      long publishedAt,
      @Nullable String text,
      @Nullable String url,
      @Nullable String language,
      long likes,
      long comments,
      long shares,
      long saves,
      @Nullable Long followers,
      @Nullable Long exportedAt,
      SourceRef source) {
    return new AutoValue_Post(
        platform,
        postId,
        handle,
        publishedAt,
        text,
        url,
        language,
        likes,
        comments,
        shares,
        saves,
        followers,
        exportedAt,
        source);
  }

  /** The contract's key of a post: (platform, post_id). */
  public String key() {
    return PostKeys.of(getPlatform(), getPostId());
  }

  @java.lang.Override
  public String rawRecord() {
    return getSource().getRecord();
  }

  @java.lang.Override
  public String sourceFile() {
    return getSource().getFile();
  }

  @java.lang.Override
  public long sourceLine() {
    return getSource().getLine();
  }

  /** Contract section 4, Engagement: likes + comments + shares + saves. */
  @java.lang.Override
  public long engagement() {
    return Math.addExact(Math.addExact(getLikes(), getComments()), Math.addExact(getShares(), getSaves()));
  }
}
