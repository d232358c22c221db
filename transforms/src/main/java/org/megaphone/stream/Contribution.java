package org.megaphone.stream;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Wire;
import org.megaphone.weekly.WeeklyTotals;

/**
 * What one fact of a post adds to the weekly reports, or retracts when negative: its publication
 * (at published_at) or the gain of one of its view snapshots (at observed_at), with the dimensions
 * the reports group by.
 */
@DefaultCoder(Contribution.WireCoder.class)
@AutoValue
public abstract class Contribution implements Serializable {
  /** Identifies the fact (post or snapshot, with its dimensions) across updates. */
  public abstract String getFactKey();

  /** Epoch ms of the event: the week it counts in. */
  public abstract long getEventTime();

  public abstract String getEntityId();

  public abstract String getPlatform();

  public abstract @Nullable String getLanguage();

  public abstract WeeklyTotals getTotals();

  /** The post's: its entity's role (null for unattributed), campaign, themes and claims. */
  public abstract @Nullable String getRole();

  public abstract boolean getCampaign();

  public abstract List<String> getThemes();

  public abstract List<String> getClaims();

  public static Contribution create(
      String factKey,
      long eventTime,
      String entityId,
      String platform,
      @Nullable String language,
      WeeklyTotals totals,
      @Nullable String role,
      boolean campaign,
      List<String> themes,
      List<String> claims) {
    return new AutoValue_Contribution(
        factKey,
        eventTime,
        entityId,
        platform,
        language,
        totals,
        role,
        campaign,
        List.copyOf(themes),
        List.copyOf(claims));
  }

  /** A fact of the post: its publication or a view gain, with the post's dimensions. */
  public static Contribution of(
      String factKey, long eventTime, AttributedPost post, WeeklyTotals totals) {
    return create(
        factKey,
        eventTime,
        post.getEntityId(),
        post.getPlatform(),
        post.getLanguage(),
        totals,
        post.getRole(),
        post.getCampaign(),
        post.getThemes(),
        post.getClaims());
  }

  public Contribution withTotals(WeeklyTotals totals) {
    return create(
        getFactKey(),
        getEventTime(),
        getEntityId(),
        getPlatform(),
        getLanguage(),
        totals,
        getRole(),
        getCampaign(),
        getThemes(),
        getClaims());
  }

  /**
   * The coder of a {@link Contribution}: its fields in declaration order ({@link Wire}). Changing
   * it changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<Contribution> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(Contribution.class, INSTANCE);
    }

    @Override
    public void encode(Contribution v, OutputStream out) throws IOException {
      Wire.writeString(v.getFactKey(), out);
      Wire.writeLong(v.getEventTime(), out);
      Wire.writeString(v.getEntityId(), out);
      Wire.writeString(v.getPlatform(), out);
      Wire.writeNullableString(v.getLanguage(), out);
      WeeklyTotals.WireCoder.INSTANCE.encode(v.getTotals(), out);
      Wire.writeNullableString(v.getRole(), out);
      Wire.writeBoolean(v.getCampaign(), out);
      Wire.writeStrings(v.getThemes(), out);
      Wire.writeStrings(v.getClaims(), out);
    }

    @Override
    public Contribution decode(InputStream in) throws IOException {
      return create(
          Wire.readString(in),
          Wire.readLong(in),
          Wire.readString(in),
          Wire.readString(in),
          Wire.readNullableString(in),
          WeeklyTotals.WireCoder.INSTANCE.decode(in),
          Wire.readNullableString(in),
          Wire.readBoolean(in),
          Wire.readStrings(in),
          Wire.readStrings(in));
    }
  }
}
