package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;

/** An accepted row of the views table: a post's cumulative views as of an instant (epoch ms). */
@DefaultCoder(ViewSnapshot.WireCoder.class)
@AutoValue
public abstract class ViewSnapshot implements Serializable {
  public abstract String getPlatform();

  public abstract String getPostId();

  public abstract long getObservedAt();

  public abstract long getViews();

  public static ViewSnapshot create(String platform, String postId, long observedAt, long views) {
    return new AutoValue_ViewSnapshot(platform, postId, observedAt, views);
  }

  public String postKey() {
    return PostKeys.of(getPlatform(), getPostId());
  }

  /**
   * The coder of a {@link ViewSnapshot}: its fields in declaration order ({@link Wire}). Changing
   * it changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<ViewSnapshot> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(ViewSnapshot.class, INSTANCE);
    }

    @Override
    public void encode(ViewSnapshot v, OutputStream out) throws IOException {
      Wire.writeString(v.getPlatform(), out);
      Wire.writeString(v.getPostId(), out);
      Wire.writeLong(v.getObservedAt(), out);
      Wire.writeLong(v.getViews(), out);
    }

    @Override
    public ViewSnapshot decode(InputStream in) throws IOException {
      return create(Wire.readString(in), Wire.readString(in), Wire.readLong(in), Wire.readLong(in));
    }
  }
}
