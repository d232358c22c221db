package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One (platform, post_id) after its rows and view snapshots met (contract section 4, Duplicates and
 * Views): the kept row, attributed, with its total credited views; the views credited to it per
 * week of snapshot; and the counts the conservation check needs. A key with snapshots but no post
 * row is an orphan: {@link #getPost()} is null and its views are credited to no one.
 */
@DefaultCoder(PostFacts.WireCoder.class)
@AutoValue
public abstract class PostFacts {
  /**
   * Views credited in one week (ISO week label of the snapshots' instants) and the snapshots behind
   * them.
   */
  public record WeekViews(String week, long views, long snapshots) {}

  /** The kept row with its total credited views; null for an orphan. */
  public abstract @Nullable AttributedPost getPost();

  /** In week order; a week whose snapshots gained nothing is here with 0 views (D20). */
  public abstract List<WeekViews> getWeeks();

  /** Post rows of the key, the kept one included. */
  public abstract long getPostRows();

  /** Distinct snapshot instants. */
  public abstract long getSnapshots();

  /** Snapshot rows dropped as duplicates of an instant. */
  public abstract long getDuplicateSnapshots();

  /**
   * Every view credited, the sum of the weeks (for an orphan: the views no one is credited with).
   */
  public abstract long getViews();

  public static PostFacts create(
      @Nullable AttributedPost post,
      List<WeekViews> weeks,
      long postRows,
      long snapshots,
      long duplicateSnapshots,
      long views) {
    return new AutoValue_PostFacts(
        post, List.copyOf(weeks), postRows, snapshots, duplicateSnapshots, views);
  }

  /** The coder of post facts: the post, then the weeks, then the counts ({@link Wire}). */
  public static final class WireCoder extends Wire.Coder<PostFacts> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(PostFacts.class, INSTANCE);
    }

    @Override
    public void encode(PostFacts v, OutputStream out) throws IOException {
      Wire.writeNullable(AttributedPost.WireCoder.INSTANCE, v.getPost(), out);
      Wire.writeInt(v.getWeeks().size(), out);
      for (WeekViews w : v.getWeeks()) {
        Wire.writeString(w.week(), out);
        Wire.writeLong(w.views(), out);
        Wire.writeLong(w.snapshots(), out);
      }
      Wire.writeLong(v.getPostRows(), out);
      Wire.writeLong(v.getSnapshots(), out);
      Wire.writeLong(v.getDuplicateSnapshots(), out);
      Wire.writeLong(v.getViews(), out);
    }

    @Override
    public PostFacts decode(InputStream in) throws IOException {
      AttributedPost post = Wire.readNullable(AttributedPost.WireCoder.INSTANCE, in);
      int n = Wire.readInt(in);
      List<WeekViews> weeks = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        weeks.add(new WeekViews(Wire.readString(in), Wire.readLong(in), Wire.readLong(in)));
      }
      return create(
          post, weeks, Wire.readLong(in), Wire.readLong(in), Wire.readLong(in), Wire.readLong(in));
    }
  }
}
