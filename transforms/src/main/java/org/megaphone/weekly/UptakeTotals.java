package org.megaphone.weekly;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Wire;
import org.megaphone.write.Cells;

/**
 * What one bulletin earned: the posts credited to it, their engagement and views, and each
 * adopter's first post (epoch ms). Adopters are entities, never {@code (unattributed)}.
 */
@DefaultCoder(UptakeTotals.WireCoder.class)
@AutoValue
public abstract class UptakeTotals {
  private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000L);

  public abstract long getPosts();

  public abstract long getEngagement();

  public abstract long getViews();

  public abstract Map<String, Long> getFirstPostByEntity();

  public static UptakeTotals create(
      long posts, long engagement, long views, Map<String, Long> firstPostByEntity) {
    return new AutoValue_UptakeTotals(posts, engagement, views, Map.copyOf(firstPostByEntity));
  }

  public static UptakeTotals of(AttributedPost p) {
    Map<String, Long> first =
        AttributedPost.UNATTRIBUTED.equals(p.getEntityId())
            ? Map.of()
            : Map.of(p.getEntityId(), p.getPublishedAt());
    return create(1, p.engagement(), p.getViews(), first);
  }

  public UptakeTotals plus(UptakeTotals o) {
    Map<String, Long> first = new HashMap<>(getFirstPostByEntity());
    o.getFirstPostByEntity().forEach((entity, at) -> first.merge(entity, at, Math::min));
    return create(
        Math.addExact(getPosts(), o.getPosts()),
        Math.addExact(getEngagement(), o.getEngagement()),
        Math.addExact(getViews(), o.getViews()),
        first);
  }

  public long adopters() {
    return getFirstPostByEntity().size();
  }

  /** Median over adopters of the hours from sent_at to their first post; null without adopters. */
  public BigDecimal medianHoursToPost(long sentAt) {
    List<Long> delays = new ArrayList<>();
    for (long at : getFirstPostByEntity().values()) {
      delays.add(at - sentAt);
    }
    if (delays.isEmpty()) {
      return null;
    }
    delays.sort(Long::compare);
    int n = delays.size();
    BigDecimal middle =
        n % 2 == 1
            ? BigDecimal.valueOf(delays.get(n / 2))
            : BigDecimal.valueOf(delays.get(n / 2 - 1))
                .add(BigDecimal.valueOf(delays.get(n / 2)))
                .divide(BigDecimal.valueOf(2));
    return Cells.quotient(middle, MILLIS_PER_HOUR);
  }

  /**
   * The coder of a {@link UptakeTotals}: its fields in declaration order ({@link Wire}). Changing
   * it changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<UptakeTotals> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(UptakeTotals.class, INSTANCE);
    }

    @Override
    public void encode(UptakeTotals v, OutputStream out) throws IOException {
      Wire.writeLong(v.getPosts(), out);
      Wire.writeLong(v.getEngagement(), out);
      Wire.writeLong(v.getViews(), out);
      Wire.writeLongs(v.getFirstPostByEntity(), out);
    }

    @Override
    public UptakeTotals decode(InputStream in) throws IOException {
      return create(Wire.readLong(in), Wire.readLong(in), Wire.readLong(in), Wire.readLongs(in));
    }
  }
}
