package org.megaphone.pipelines.stream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.KafkaRecordCoder;
import org.apache.beam.sdk.io.kafka.KafkaTimestampType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;
import org.megaphone.read.Tables;
import org.megaphone.reports.Report;
import org.megaphone.rules.Lateness;
import org.megaphone.stream.PaneRow;

/** The stream's Kafka records in (JSON to contract rows) and out (report rows, dead letters). */
@ExtendWith(TestPipelineExtension.class)
class KafkaRowsTest {
  /** 2020-04-02T00:00:00Z, the day after the posts below were published. */
  private static final Instant NEXT_DAY = Instant.parse("2020-04-02T00:00:00Z");

  private static KafkaRecord<String, String> record(long offset, String json) {
    return new KafkaRecord<>(
        "posts", 0, offset, 0L, KafkaTimestampType.CREATE_TIME, new RecordHeaders(), "key", json);
  }

  private static PCollectionTuple parse(
      TestPipeline p, Instant readAt, List<KafkaRecord<String, String>> records) {
    Create.TimestampedValues<KafkaRecord<String, String>> create =
        Create.timestamped(records.stream().map(r -> TimestampedValue.of(r, readAt)).toList())
            .withCoder(KafkaRecordCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    return KafkaRows.parse(p.apply(create), Tables.posts("UTC"), ROWS, new Lateness("UTC", "P7D"));
  }

  private static final TupleTag<Post> ROWS = new TupleTag<>() {};

  private static PCollection<String> posts(PCollectionTuple out) {
    return out.get(ROWS)
        .apply(
            "ShowPosts",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (Post x) ->
                        x.getPlatform()
                            + "/"
                            + x.getPostId()
                            + " "
                            + x.getHandle()
                            + " "
                            + x.getPublishedAt()));
  }

  private static PCollection<String> rejects(PCollectionTuple out) {
    return out.get(KafkaRows.Read.REJECTS)
        .apply(
            "ShowRejects",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (Reject r) ->
                        r.getFile()
                            + ":"
                            + r.getLine()
                            + ":"
                            + r.getTable()
                            + ":"
                            + r.getReason()));
  }

  @Test
  void readsEachJsonRecordAsARowOfTheTableAndRejectsNothing(TestPipeline p) {
    PCollectionTuple out =
        parse(
            p,
            NEXT_DAY,
            List.of(
                record(
                    7,
                    "{\"platform\":\"instagram\",\"post_id\":\"p1\",\"handle\":\"@Anna_K\",\"published_at\":\"2020-04-01T10:00:00Z\",\"likes\":10}"),
                record(
                    8,
                    "{\"platform\":\"ig\",\"post_id\":\"p2\",\"handle\":\"anna_k\",\"published_at\":\"2020-04-01T12:00:00Z\",\"likes\":null}")));
    // Handles lose their @ and case, platform aliases their alias (contract section 2);
    // 2020-04-01T10:00Z is 1585735200000 ms.
    PAssert.that(posts(out))
        .containsInAnyOrder(
            "instagram/p1 anna_k 1585735200000", "instagram/p2 anna_k 1585742400000");
    PAssert.that(out.get(KafkaRows.Read.REJECTS)).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void aRecordThatIsNotAJsonObjectOfValuesIsARejectAtItsTopicPartitionAndOffset(TestPipeline p) {
    PCollectionTuple out =
        parse(
            p,
            NEXT_DAY,
            List.of(
                record(3, "not json"),
                record(4, "[1,2]"),
                record(5, "{\"platform\":\"instagram\",\"post_id\":{\"nested\":1}}")));
    PAssert.that(posts(out)).empty();
    PAssert.that(rejects(out))
        .satisfies(
            rows -> {
              List<String> all = new ArrayList<>();
              rows.forEach(all::add);
              Collections.sort(all);
              MatcherAssert.assertThat(all.size(), Matchers.equalTo(3));
              MatcherAssert.assertThat(
                  all.get(0), Matchers.startsWith("kafka:posts/0:3:posts:malformed JSON record"));
              MatcherAssert.assertThat(
                  all.get(1),
                  Matchers.equalTo("kafka:posts/0:4:posts:malformed JSON record: not an object"));
              MatcherAssert.assertThat(
                  all.get(2),
                  Matchers.equalTo(
                      "kafka:posts/0:5:posts:malformed JSON record: field post_id is not a value"));
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void aRecordReadAfterItsWeekAndTheAllowedLatenessIsARejectNotARow(TestPipeline p) {
    // Published in ISO week 2020-W14 (ends 2020-04-06T00:00Z); read 7 days and 1 second after.
    PCollectionTuple out =
        parse(
            p,
            Instant.parse("2020-04-13T00:00:01Z"),
            List.of(
                record(
                    9,
                    "{\"platform\":\"instagram\",\"post_id\":\"p1\",\"handle\":\"anna_k\",\"published_at\":\"2020-04-01T10:00:00Z\"}")));
    PAssert.that(posts(out)).empty();
    PAssert.that(rejects(out))
        .satisfies(
            rows -> {
              List<String> all = new ArrayList<>();
              rows.forEach(all::add);
              MatcherAssert.assertThat(all.size(), Matchers.equalTo(1));
              String reject = all.get(0);
              MatcherAssert.assertThat(
                  reject,
                  Matchers.startsWith(
                      "kafka:posts/0:9:posts:later than --allowedLateness=P7D: its week 2020-W14 ended "));
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void reportRowsAreKeyedByReportAndRowKeyWithTheirCellsNamedByTheReportsHeader(TestPipeline p) {
    PaneRow row =
        PaneRow.create(
            Report.THEMES_WEEKLY.file(),
            List.of("2020-W14", "hope", "mayor"),
            List.of("2020-W14", "hope", "mayor", "2", "30", "400"),
            "early",
            1,
            true);
    PCollection<KV<String, String>> records =
        KafkaRows.reportRecords(p.apply(Create.of(row).withCoder(PaneRow.WireCoder.INSTANCE)));
    PAssert.that(records)
        .containsInAnyOrder(
            KV.of(
                "themes_weekly.csv|2020-W14|hope|mayor",
                "{\"report\":\"themes_weekly.csv\",\"key\":[\"2020-W14\",\"hope\",\"mayor\"],\"pane\":\"early\","
                    + "\"sequence\":1,\"exists\":true,\"row\":{\"week\":\"2020-W14\",\"theme\":\"hope\","
                    + "\"role\":\"mayor\",\"posts\":\"2\",\"engagement\":\"30\",\"views\":\"400\"}}"));
    p.run().waitUntilFinish();
  }

  @Test
  void deadLettersAreKeyedByFileAndLine(TestPipeline p) {
    Reject reject =
        Reject.create(
            "kafka:views/1", 42, "views", "views: not a whole number", "{\"views\":\"x\"}");
    PCollection<KV<String, String>> letters =
        KafkaRows.deadLetters(p.apply(Create.of(reject).withCoder(Reject.WireCoder.INSTANCE)));
    PAssert.that(letters)
        .containsInAnyOrder(
            KV.of(
                "kafka:views/1@42",
                "{\"file\":\"kafka:views/1\",\"line\":42,\"table\":\"views\",\"reason\":\"views: not a whole number\","
                    + "\"record\":\"{\\\"views\\\":\\\"x\\\"}\"}"));
    p.run().waitUntilFinish();
  }
}
