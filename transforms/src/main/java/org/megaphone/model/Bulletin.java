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

/** A campaign message that was sent out. Hashtags are case-folded without '#', links normalised. */
@DefaultCoder(Bulletin.WireCoder.class)
@AutoValue
public abstract class Bulletin implements Serializable {
  public abstract String getBulletinId();

  public abstract @Nullable String getCampaign();

  public abstract long getSentAt();

  public abstract @Nullable String getLanguage();

  public abstract @Nullable Long getAudience();

  public abstract List<String> getHashtags();

  public abstract List<String> getLinks();

  public abstract @Nullable String getTitle();

  public abstract SourceRef getSource();

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

  /**
   * The coder of a {@link Bulletin}: its fields in declaration order ({@link Wire}). Changing it
   * changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<Bulletin> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(Bulletin.class, INSTANCE);
    }

    @Override
    public void encode(Bulletin v, OutputStream out) throws IOException {
      Wire.writeString(v.getBulletinId(), out);
      Wire.writeNullableString(v.getCampaign(), out);
      Wire.writeLong(v.getSentAt(), out);
      Wire.writeNullableString(v.getLanguage(), out);
      Wire.writeNullableLong(v.getAudience(), out);
      Wire.writeStrings(v.getHashtags(), out);
      Wire.writeStrings(v.getLinks(), out);
      Wire.writeNullableString(v.getTitle(), out);
      SourceRef.WireCoder.INSTANCE.encode(v.getSource(), out);
    }

    @Override
    public Bulletin decode(InputStream in) throws IOException {
      return create(
          Wire.readString(in),
          Wire.readNullableString(in),
          Wire.readLong(in),
          Wire.readNullableString(in),
          Wire.readNullableLong(in),
          Wire.readStrings(in),
          Wire.readStrings(in),
          Wire.readNullableString(in),
          SourceRef.WireCoder.INSTANCE.decode(in));
    }
  }
}
