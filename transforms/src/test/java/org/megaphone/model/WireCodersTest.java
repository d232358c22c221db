package org.megaphone.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.lessThan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.Test;
import org.megaphone.read.InputFile;
import org.megaphone.stream.Contribution;
import org.megaphone.stream.PaneRow;
import org.megaphone.stream.RankTopPosts;
import org.megaphone.weekly.ReportKey;
import org.megaphone.weekly.Sums;
import org.megaphone.weekly.UptakeTotals;
import org.megaphone.weekly.WeeklyTotals;
import org.megaphone.write.ReportRow;

class WireCodersTest {
  static final SourceRef SOURCE =
      SourceRef.create("/data/posts.csv", 12, "ig,p1,\"a, b\",ünïcode ✓");

  static AttributedPost post(String language, Long followers) {
    return AttributedPost.create(
        "instagram",
        "p1",
        "anna",
        1_585_000_000_000L,
        "2020-W13",
        "e1",
        "author",
        true,
        language == null ? null : "b1",
        language,
        10,
        2,
        1,
        0,
        followers,
        4_000_000_000L,
        followers,
        "raw",
        SOURCE,
        language == null ? null : "influencer",
        null,
        List.of("hope", "solidarity"),
        List.of());
  }

  static WeeklyTotals totals() {
    return WeeklyTotals.create(
        3,
        1,
        10,
        2,
        1,
        0,
        -5,
        2,
        new BigDecimal("123456789012345678901234567890"),
        BigDecimal.valueOf(7),
        2);
  }

  /** Every value decodes to itself, and equal values encode to equal bytes (CoderProperties). */
  private static <T> void roundTrips(Coder<T> coder, T value) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(coder, value);
    CoderProperties.coderDeterministic(coder, value, CoderUtils.clone(coder, value));
    CoderProperties.coderSerializable(coder);
  }

  @Test
  void everyModelTypeRoundTripsWithAndWithoutItsOptionalFields() throws Exception {
    roundTrips(SourceRef.WireCoder.INSTANCE, SOURCE);
    roundTrips(SourceRef.WireCoder.INSTANCE, SourceRef.create("", 0, ""));
    roundTrips(
        Post.WireCoder.INSTANCE,
        Post.create("x", "1", "h", -1, "text ✓", "https://x", "fi", 1, 2, 3, 4, 5L, 6L, SOURCE));
    roundTrips(
        Post.WireCoder.INSTANCE,
        Post.create("x", "1", "h", 0, null, null, null, 0, 0, 0, 0, null, null, SOURCE));
    roundTrips(
        ViewSnapshot.WireCoder.INSTANCE,
        ViewSnapshot.create("tiktok", "v", 1L << 40, Long.MAX_VALUE));
    roundTrips(AttributedPost.WireCoder.INSTANCE, post("fi", 1000L));
    roundTrips(AttributedPost.WireCoder.INSTANCE, post(null, null));
    roundTrips(
        PostFacts.WireCoder.INSTANCE,
        PostFacts.create(
            post("sv", 5L),
            List.of(
                new PostFacts.WeekViews("2020-W14", 0, 1),
                new PostFacts.WeekViews("2020-W15", 9, 2)),
            2,
            3,
            1,
            9));
    roundTrips(PostFacts.WireCoder.INSTANCE, PostFacts.create(null, List.of(), 0, 0, 0, 0));
    roundTrips(
        ReportKey.WireCoder.INSTANCE, ReportKey.of(ReportKey.Kind.PLATFORM, "2020-W14", "x", null));
    roundTrips(
        Sums.WireCoder.INSTANCE,
        Sums.of(totals())
            .plus(Sums.counter(totals()))
            .plus(Sums.of(UptakeTotals.create(1, 2, 3, Map.of("e", 4L)))));
    roundTrips(Sums.WireCoder.INSTANCE, Sums.count(-3));
    roundTrips(Reject.WireCoder.INSTANCE, Reject.create("f", 3, "posts", "bad", ""));
    roundTrips(
        TopPost.WireCoder.INSTANCE, TopPost.create("2020-W14", "x", "1", "h", "e", 5, 6, null));
    roundTrips(
        Account.WireCoder.INSTANCE,
        Account.create(
            "x", "h", "e", null, "mayor", null, "Turin", "it", 10L, List.of("a"), true, SOURCE));
    roundTrips(
        Bulletin.WireCoder.INSTANCE,
        Bulletin.create(
            "b1", null, 5, "fi", null, List.of("#coronafacts"), List.of(), "t", SOURCE));
    roundTrips(FollowerSnapshot.WireCoder.INSTANCE, FollowerSnapshot.create("x", "h", 1, 2));
    roundTrips(
        AttributionOverride.WireCoder.INSTANCE, AttributionOverride.create("x", "1", "e", SOURCE));
    roundTrips(
        InputFile.WireCoder.INSTANCE,
        InputFile.create("posts", "p.csv", 1, "ab", 2, 3, "UTF-8", "canonical"));
    roundTrips(
        InputFile.WireCoder.INSTANCE,
        InputFile.create("posts", "exports/Content.csv", 1, "ab", 2, 3, "UTF-8", "tiktok-studio")
            .withAdjustments(Map.of("repaired_records", 2L, "net_counts_read_as_zero", 1L))
            .withNumberFormat("1,234 and 1.234"));
    roundTrips(
        ReportRow.WireCoder.INSTANCE,
        ReportRow.create(List.of("2020-W14", ""), List.of("a", "", "ü")));
    roundTrips(WeeklyTotals.WireCoder.INSTANCE, totals());
    roundTrips(WeeklyTotals.WireCoder.INSTANCE, WeeklyTotals.ZERO);
    roundTrips(
        UptakeTotals.WireCoder.INSTANCE, UptakeTotals.create(1, 2, 3, Map.of("e2", 5L, "e1", -4L)));
    roundTrips(
        Contribution.WireCoder.INSTANCE, Contribution.of("post", 9, post("fi", 3L), totals()));
    roundTrips(PostEvent.WireCoder.INSTANCE, PostEvent.of(post("fi", 3L)));
    roundTrips(
        PostEvent.WireCoder.INSTANCE, PostEvent.create(null, ViewSnapshot.create("x", "1", 2, 3)));
    roundTrips(
        PostInput.WireCoder.INSTANCE,
        PostInput.of(
            Post.create("x", "1", "h", 0, null, null, null, 0, 0, 0, 0, null, null, SOURCE)));
    roundTrips(PostInput.WireCoder.INSTANCE, PostInput.of(ViewSnapshot.create("x", "1", 2, 3)));
    roundTrips(
        PaneRow.WireCoder.INSTANCE,
        PaneRow.create("entities_weekly.csv", List.of("k"), List.of("c"), "ON_TIME", 4, false));
    roundTrips(
        RankTopPosts.Change.WireCoder.INSTANCE,
        RankTopPosts.Change.create("2020-W14", "x\u001f1", null, 3));
    roundTrips(
        RankTopPosts.Change.WireCoder.INSTANCE,
        RankTopPosts.Change.create(
            "2020-W14", "x\u001f1", TopPost.create("w", "x", "1", "h", "e", 5, 6, "u"), 3));
  }

  @Test
  void pipelinesInferTheWireCodersNotSchemaCoders() throws Exception {
    CoderRegistry registry = CoderRegistry.createDefault();
    for (Class<?> type :
        List.of(
            Post.class,
            ViewSnapshot.class,
            PostInput.class,
            AttributedPost.class,
            WeeklyTotals.class,
            ReportRow.class,
            Reject.class)) {
      assertThat(
          type.getName(), registry.getCoder(TypeDescriptor.of(type)), instanceOf(Wire.Coder.class));
      // No @DefaultSchema left: a schema would win over the coder when Beam infers one.
      assertThat(type.getName(), hasNoSchema(type), equalTo(true));
    }
  }

  private static boolean hasNoSchema(Class<?> type) {
    try {
      SchemaRegistry.createDefault().getSchema(type);
      return false;
    } catch (NoSuchSchemaException e) {
      return true;
    }
  }

  @Test
  void anAttributedPostEncodesInAThirdOfItsSchemaCodersBytesOrLess() throws Exception {
    byte[] wire =
        CoderUtils.encodeToByteArray(AttributedPost.WireCoder.INSTANCE, post("fi", 1000L));
    // Field names are not written; a schema Row adds a null bitmap, field count and per-field
    // lengths.
    assertThat(wire.length, lessThan(200));
  }
}
