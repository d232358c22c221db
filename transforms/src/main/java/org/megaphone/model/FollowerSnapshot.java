package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;

/** A channel's follower count as of an instant (epoch ms). */
@DefaultCoder(FollowerSnapshot.WireCoder.class)
@AutoValue
public abstract class FollowerSnapshot implements Serializable {
  public abstract String getPlatform();

  public abstract String getHandle();

  public abstract long getObservedAt();

  public abstract long getFollowers();

  public static FollowerSnapshot create(
      String platform, String handle, long observedAt, long followers) {
    return new AutoValue_FollowerSnapshot(platform, handle, observedAt, followers);
  }

  public String channelKey() {
    return getPlatform() + ":" + getHandle();
  }

  /**
   * The coder of a {@link FollowerSnapshot}: its fields in declaration order ({@link Wire}).
   * Changing it changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<FollowerSnapshot> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(FollowerSnapshot.class, INSTANCE);
    }

    @Override
    public void encode(FollowerSnapshot v, OutputStream out) throws IOException {
      Wire.writeString(v.getPlatform(), out);
      Wire.writeString(v.getHandle(), out);
      Wire.writeLong(v.getObservedAt(), out);
      Wire.writeLong(v.getFollowers(), out);
    }

    @Override
    public FollowerSnapshot decode(InputStream in) throws IOException {
      return create(Wire.readString(in), Wire.readString(in), Wire.readLong(in), Wire.readLong(in));
    }
  }
}
