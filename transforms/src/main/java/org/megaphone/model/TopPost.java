package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A post with a baseline (D37): a candidate for its week's top posts. */
@DefaultCoder(TopPost.WireCoder.class)
@AutoValue
public abstract class TopPost implements Serializable {
  public abstract String getWeek();

  public abstract String getPlatform();

  public abstract String getPostId();

  public abstract String getHandle();

  public abstract String getEntityId();

  public abstract long getEngagement();

  /** Twice the median engagement of the account's previous posts (exact in halves), above 0. */
  public abstract long getDoubledBaseline();

  public abstract @Nullable String getUrl();

  public static TopPost create(
      String week,
      String platform,
      String postId,
      String handle,
      String entityId,
      long engagement,
      long doubledBaseline,
      @Nullable String url) {
    return new AutoValue_TopPost(
        week, platform, postId, handle, entityId, engagement, doubledBaseline, url);
  }

  /**
   * The coder of a {@link TopPost}: its fields in declaration order ({@link Wire}). Changing it
   * changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<TopPost> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(TopPost.class, INSTANCE);
    }

    @Override
    public void encode(TopPost v, OutputStream out) throws IOException {
      Wire.writeString(v.getWeek(), out);
      Wire.writeString(v.getPlatform(), out);
      Wire.writeString(v.getPostId(), out);
      Wire.writeString(v.getHandle(), out);
      Wire.writeString(v.getEntityId(), out);
      Wire.writeLong(v.getEngagement(), out);
      Wire.writeLong(v.getDoubledBaseline(), out);
      Wire.writeNullableString(v.getUrl(), out);
    }

    @Override
    public TopPost decode(InputStream in) throws IOException {
      return create(
          Wire.readString(in),
          Wire.readString(in),
          Wire.readString(in),
          Wire.readString(in),
          Wire.readString(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readNullableString(in));
    }
  }
}
