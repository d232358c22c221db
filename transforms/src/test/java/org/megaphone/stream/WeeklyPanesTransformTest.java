package org.megaphone.stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.megaphone.testing.Fixtures.account;
import static org.megaphone.testing.Fixtures.at;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.attribution.BuildRoster;
import org.megaphone.attribution.Roster;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.PostEvent;
import org.megaphone.model.SourceRef;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.weekly.ReportKey;
import org.megaphone.weekly.WeeklyTotals;

/**
 * The streaming weekly reports, pane by pane (the LeaderBoardTest pattern): early results, the
 * on-time result, late updates within the allowed lateness, droppably late corrections,
 * out-of-order snapshots and a week boundary on a daylight-saving change.
 */
@ExtendWith(TestPipelineExtension.class)
class WeeklyPanesTransformTest {
  private static final Duration EARLY = Duration.standardMinutes(1);
  private static final Duration LATENESS = Duration.standardDays(1);

  private static AttributedPost post(
      String id, String publishedAt, String week, long likes, Long exportedAt) {
    return AttributedPost.create(
        "instagram",
        id,
        "anna",
        at(publishedAt),
        week,
        "anna",
        "author",
        false,
        null,
        "fi",
        likes,
        0,
        0,
        0,
        null,
        0L,
        exportedAt,
        "raw-" + likes,
        SourceRef.create("posts.csv", 2, ""),
        null,
        null,
        List.of(),
        List.of());
  }

  private static TimestampedValue<PostEvent> event(AttributedPost p) {
    return TimestampedValue.of(PostEvent.of(p), Instant.ofEpochMilli(p.getPublishedAt()));
  }

  private static TimestampedValue<PostEvent> event(ViewSnapshot v) {
    return TimestampedValue.of(PostEvent.of(v), Instant.ofEpochMilli(v.getObservedAt()));
  }

  private static PCollection<PaneRow> run(
      TestPipeline p, TestStream<PostEvent> events, String zone) {
    PCollectionView<Roster> roster =
        p.apply("Accounts", Create.of(account("instagram", "anna", "anna", "influencer", 2)))
            .apply("BuildRoster", new BuildRoster());
    return p.apply("Events", events)
        .apply("CreditIncrementally", new CreditIncrementally())
        .get(CreditIncrementally.CONTRIBUTIONS)
        .apply("WeeklyPanes", new WeeklyPanes(roster, zone, EARLY, LATENESS));
  }

  /** The last version of each row, and every pane seen, checked inside the pipeline. */
  private static SerializableFunction<Iterable<PaneRow>, Void> check(
      Map<String, String> finalCells, List<String> panesSeen) {
    return rows -> {
      Map<String, PaneRow> last = new HashMap<>();
      List<String> panes = new ArrayList<>();
      for (PaneRow r : rows) {
        String key = r.getReport() + r.getKey();
        panes.add(key + " " + r.getPane());
        if (!last.containsKey(key) || last.get(key).getSequence() < r.getSequence()) {
          last.put(key, r);
        }
      }
      Map<String, String> actual = new HashMap<>();
      last.forEach(
          (k, r) -> actual.put(k, r.getExists() ? String.join(",", r.getCells()) : "(none)"));
      assertThat(actual, equalTo(finalCells));
      for (String pane : panesSeen) {
        assertThat(panes, hasItem(pane));
      }
      return null;
    };
  }

  @Test
  void earlyThenOnTimeThenLateUpdateAndDroppablyLateCorrectionIgnored(TestPipeline p)
      throws Exception {
    TestStream<PostEvent> events =
        TestStream.create(PostEvent.WireCoder.INSTANCE)
            .advanceWatermarkTo(Instant.ofEpochMilli(at("2020-03-30T00:00:00Z")))
            .addElements(event(post("p1", "2020-03-30T10:00:00Z", "2020-W14", 10, 1L)))
            .advanceProcessingTime(Duration.standardMinutes(2))
            .addElements(
                event(ViewSnapshot.create("instagram", "p1", at("2020-03-31T10:00:00Z"), 100)))
            .advanceWatermarkTo(Instant.ofEpochMilli(at("2020-04-06T00:00:01Z")))
            // A later export of p1: its correction lands in 2020-W14, late but within a day.
            .addElements(
                TimestampedValue.of(
                    PostEvent.of(post("p1", "2020-03-30T10:00:00Z", "2020-W14", 20, 2L)),
                    Instant.ofEpochMilli(at("2020-04-06T00:00:02Z"))))
            .advanceWatermarkTo(Instant.ofEpochMilli(at("2020-04-08T00:00:00Z")))
            // Past the allowed lateness: the correction is dropped, the row stays at 20 likes.
            .addElements(
                TimestampedValue.of(
                    PostEvent.of(post("p1", "2020-03-30T10:00:00Z", "2020-W14", 30, 3L)),
                    Instant.ofEpochMilli(at("2020-04-08T00:00:01Z"))))
            .advanceWatermarkToInfinity();

    PAssert.that(run(p, events, "UTC"))
        .satisfies(
            check(
                Map.of(
                    "entities_weekly.csv[2020-W14, anna]",
                    "2020-W14,anna,anna,influencer,,,1,0,20,0,0,0,20,100,",
                    "platforms_weekly.csv[2020-W14, instagram, fi]",
                    "2020-W14,instagram,fi,1,0,20,100"),
                List.of(
                    "entities_weekly.csv[2020-W14, anna] early",
                    "entities_weekly.csv[2020-W14, anna] on_time",
                    "entities_weekly.csv[2020-W14, anna] late")));
    p.run().waitUntilFinish();
  }

  @Test
  void dataPastTheLatenessIsDroppedAndWhatCameBeforeStays(TestPipeline p) throws Exception {
    // An archive replayed with the default lateness: once the watermark is years past the posts'
    // weeks, what arrives is dropped, and the rows keep what came before.
    TestStream<PostEvent> events =
        TestStream.create(PostEvent.WireCoder.INSTANCE)
            .addElements(event(post("p1", "2020-03-30T10:00:00Z", "2020-W14", 10, 1L)))
            .advanceWatermarkTo(Instant.ofEpochMilli(at("2026-11-26T00:00:00Z")))
            .addElements(event(post("p2", "2020-03-31T10:00:00Z", "2020-W14", 5, 1L)))
            .addElements(
                event(ViewSnapshot.create("instagram", "p1", at("2020-03-31T10:00:00Z"), 100)))
            .advanceProcessingTime(Duration.standardMinutes(2))
            .addElements(event(post("p1", "2020-03-30T10:00:00Z", "2020-W14", 20, 2L)))
            .advanceProcessingTime(Duration.standardMinutes(2))
            .advanceWatermarkToInfinity();

    PAssert.that(run(p, events, "UTC"))
        .satisfies(
            check(
                Map.of(
                    "entities_weekly.csv[2020-W14, anna]",
                        "2020-W14,anna,anna,influencer,,,1,0,10,0,0,0,10,0,",
                    "platforms_weekly.csv[2020-W14, instagram, fi]",
                        "2020-W14,instagram,fi,1,0,10,0"),
                List.of()));
    p.run().waitUntilFinish();
  }

  @Test
  void anEmptyClaimsPaneSumsToNullNotToAClaimGoneToZero() {
    // A null sum is skipped by the formatter; (0, 0) would overwrite the claim's row with nothing.
    assertThat(WeeklyPanes.sumSides(List.of()), equalTo(null));
    KV<WeeklyTotals, WeeklyTotals> zero = KV.of(WeeklyTotals.ZERO, WeeklyTotals.ZERO);
    assertThat(WeeklyPanes.sumSides(List.of(zero)), equalTo(zero));
  }

  @Test
  void eachClaimGetsAPostOnItsSideAndAnAnswersViewsNowhereAsInTheBatch() {
    WeeklyTotals posted =
        WeeklyTotals.ofPost(post("p1", "2020-03-23T10:00:00Z", "2020-W13", 5, null)).withoutRate();
    WeeklyTotals viewed = WeeklyTotals.ofViews(40, 1);
    WeeklyTotals zero = WeeklyTotals.ZERO;
    Contribution answer =
        Contribution.create(
            "post|a1",
            0,
            "anna",
            "instagram",
            "fi",
            posted,
            "influencer",
            true,
            List.of(),
            List.of("c1", "c2"));
    Contribution spreadViews =
        Contribution.create(
            Retractions.VIEW + "s1",
            0,
            "anna",
            "instagram",
            "fi",
            viewed,
            "influencer",
            false,
            List.of(),
            List.of("c1"));

    assertThat(
        WeeklyPanes.claimKeys(answer),
        equalTo(
            List.of(
                KV.of(ReportKey.of(ReportKey.Kind.CLAIM, "c1", "instagram"), KV.of(zero, posted)),
                KV.of(
                    ReportKey.of(ReportKey.Kind.CLAIM, "c2", "instagram"), KV.of(zero, posted)))));
    Contribution answerViews =
        Contribution.create(
            Retractions.VIEW + "a1",
            0,
            "anna",
            "instagram",
            "fi",
            viewed,
            "influencer",
            true,
            List.of(),
            List.of("c1"));
    assertThat(WeeklyPanes.claimKeys(answerViews), equalTo(List.of()));
    assertThat(
        WeeklyPanes.claimKeys(spreadViews),
        equalTo(
            List.of(
                KV.of(
                    ReportKey.of(ReportKey.Kind.CLAIM, "c1", "instagram"), KV.of(viewed, zero)))));
  }

  @Test
  void snapshotsOutOfOrderEndWithTheBatchGainsInTheirWeeks(TestPipeline p) throws Exception {
    TestStream<PostEvent> events =
        TestStream.create(PostEvent.WireCoder.INSTANCE)
            .addElements(
                event(ViewSnapshot.create("instagram", "p1", at("2020-04-07T10:00:00Z"), 300)))
            .addElements(event(post("p1", "2020-03-30T10:00:00Z", "2020-W14", 10, null)))
            .addElements(
                event(ViewSnapshot.create("instagram", "p1", at("2020-03-31T10:00:00Z"), 100)))
            .advanceWatermarkToInfinity();

    PAssert.that(run(p, events, "UTC"))
        .satisfies(
            check(
                Map.of(
                    "entities_weekly.csv[2020-W14, anna]",
                        "2020-W14,anna,anna,influencer,,,1,0,10,0,0,0,10,100,",
                    "entities_weekly.csv[2020-W15, anna]",
                        "2020-W15,anna,anna,influencer,,,0,0,0,0,0,0,0,200,",
                    "platforms_weekly.csv[2020-W14, instagram, fi]",
                        "2020-W14,instagram,fi,1,0,10,100",
                    "platforms_weekly.csv[2020-W15, instagram, fi]",
                        "2020-W15,instagram,fi,0,0,0,200"),
                List.of()));
    p.run().waitUntilFinish();
  }

  @Test
  void weeksAreCalendarWeeksOfTheZoneAcrossADaylightSavingChange(TestPipeline p) throws Exception {
    // Helsinki moves to +03:00 on 2020-03-29: 20:30Z is Sunday 23:30 (W13), 21:30Z Monday 00:30
    // (W14).
    TestStream<PostEvent> events =
        TestStream.create(PostEvent.WireCoder.INSTANCE)
            .addElements(
                event(post("sun", "2020-03-29T20:30:00Z", "2020-W13", 1, null)),
                event(post("mon", "2020-03-29T21:30:00Z", "2020-W14", 2, null)))
            .advanceWatermarkToInfinity();

    PAssert.that(run(p, events, "Europe/Helsinki"))
        .satisfies(
            check(
                Map.of(
                    "entities_weekly.csv[2020-W13, anna]",
                        "2020-W13,anna,anna,influencer,,,1,0,1,0,0,0,1,0,",
                    "entities_weekly.csv[2020-W14, anna]",
                        "2020-W14,anna,anna,influencer,,,1,0,2,0,0,0,2,0,",
                    "platforms_weekly.csv[2020-W13, instagram, fi]",
                        "2020-W13,instagram,fi,1,0,1,0",
                    "platforms_weekly.csv[2020-W14, instagram, fi]",
                        "2020-W14,instagram,fi,1,0,2,0"),
                List.of()));
    p.run().waitUntilFinish();
  }
}
