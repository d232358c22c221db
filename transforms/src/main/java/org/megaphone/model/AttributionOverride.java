package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;

/** An analyst's manual attribution of one post to an entity. */
@DefaultCoder(AttributionOverride.WireCoder.class)
@AutoValue
public abstract class AttributionOverride implements Serializable {
  public abstract String getPlatform();

  public abstract String getPostId();

  public abstract String getEntityId();

  public abstract SourceRef getSource();

  public static AttributionOverride create(
      String platform, String postId, String entityId, SourceRef source) {
    return new AutoValue_AttributionOverride(platform, postId, entityId, source);
  }

  public String postKey() {
    return PostKeys.of(getPlatform(), getPostId());
  }

  /**
   * The coder of a {@link AttributionOverride}: its fields in declaration order ({@link Wire}).
   * Changing it changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<AttributionOverride> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(AttributionOverride.class, INSTANCE);
    }

    @Override
    public void encode(AttributionOverride v, OutputStream out) throws IOException {
      Wire.writeString(v.getPlatform(), out);
      Wire.writeString(v.getPostId(), out);
      Wire.writeString(v.getEntityId(), out);
      SourceRef.WireCoder.INSTANCE.encode(v.getSource(), out);
    }

    @Override
    public AttributionOverride decode(InputStream in) throws IOException {
      return create(
          Wire.readString(in),
          Wire.readString(in),
          Wire.readString(in),
          SourceRef.WireCoder.INSTANCE.decode(in));
    }
  }
}
