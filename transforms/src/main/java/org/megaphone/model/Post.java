package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.checkerframework.checker.nullness.qual.Nullable;

/** An accepted row of the posts table. Instants are epoch milliseconds. */
@DefaultCoder(Post.WireCoder.class)
@AutoValue
public abstract class Post implements Serializable, ExportRow {
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

  @Override
  public abstract @Nullable Long getExportedAt();

  public abstract SourceRef getSource();

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

  @Override
  public String rawRecord() {
    return getSource().getRecord();
  }

  @Override
  public String sourceFile() {
    return getSource().getFile();
  }

  @Override
  public long sourceLine() {
    return getSource().getLine();
  }

  /** Contract section 4, Engagement: likes + comments + shares + saves. */
  @Override
  public long engagement() {
    return Math.addExact(
        Math.addExact(getLikes(), getComments()), Math.addExact(getShares(), getSaves()));
  }

  /**
   * The coder of a {@link Post}: its fields in declaration order ({@link Wire}). Changing it
   * changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<Post> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(Post.class, INSTANCE);
    }

    @Override
    public void encode(Post v, OutputStream out) throws IOException {
      Wire.writeString(v.getPlatform(), out);
      Wire.writeString(v.getPostId(), out);
      Wire.writeString(v.getHandle(), out);
      Wire.writeLong(v.getPublishedAt(), out);
      Wire.writeNullableString(v.getText(), out);
      Wire.writeNullableString(v.getUrl(), out);
      Wire.writeNullableString(v.getLanguage(), out);
      Wire.writeLong(v.getLikes(), out);
      Wire.writeLong(v.getComments(), out);
      Wire.writeLong(v.getShares(), out);
      Wire.writeLong(v.getSaves(), out);
      Wire.writeNullableLong(v.getFollowers(), out);
      Wire.writeNullableLong(v.getExportedAt(), out);
      SourceRef.WireCoder.INSTANCE.encode(v.getSource(), out);
    }

    @Override
    public Post decode(InputStream in) throws IOException {
      return create(
          Wire.readString(in),
          Wire.readString(in),
          Wire.readString(in),
          Wire.readLong(in),
          Wire.readNullableString(in),
          Wire.readNullableString(in),
          Wire.readNullableString(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readNullableLong(in),
          Wire.readNullableLong(in),
          SourceRef.WireCoder.INSTANCE.decode(in));
    }
  }
}
