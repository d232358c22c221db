package org.megaphone.pipelines.stream;

import java.util.Map;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.joda.time.Instant;
import org.megaphone.model.Reject;
import org.megaphone.model.SourceRef;
import org.megaphone.model.Wire;
import org.megaphone.read.RowRejected;
import org.megaphone.read.Table;
import org.megaphone.reports.Report;
import org.megaphone.rules.Lateness;
import org.megaphone.stream.JsonRecords;
import org.megaphone.stream.PaneRow;

/** Kafka in and out for the stream: JSON records in, report rows and dead letters out. */
public final class KafkaRows {
  private KafkaRows() {}

  /**
   * Reads a topic of JSON records as rows of a contract table.
   *
   * <p>Output: the table's rows ({@link #rows}) and rejects ({@link #REJECTS}); a reject's file is
   * {@code kafka:<topic>/<partition>} and its line the record's offset.
   */
  static final class Read<T> extends PTransform<PBegin, PCollectionTuple> {
    static final TupleTag<Reject> REJECTS = new TupleTag<>() {};
    final TupleTag<T> rows = new TupleTag<>();
    private final String bootstrap;
    private final String topic;
    private final Table<T> table;
    private final Lateness lateness;

    Read(String bootstrap, String topic, Table<T> table, Lateness lateness) {
      this.bootstrap = bootstrap;
      this.topic = topic;
      this.table = table;
      this.lateness = lateness;
    }

    @Override
    public PCollectionTuple expand(PBegin input) {
      return parse(
          input.apply(
              "ReadTopic",
              KafkaIO.<String, String>read()
                  .withBootstrapServers(bootstrap)
                  .withTopic(topic)
                  .withKeyDeserializer(StringDeserializer.class)
                  .withValueDeserializer(StringDeserializer.class)
                  .withConsumerConfigUpdates(Map.of("auto.offset.reset", "earliest"))),
          table,
          rows,
          lateness);
    }
  }

  /**
   * The records of a topic as rows of the table (under {@code rows}) and rejects (under {@link
   * Read#REJECTS}): a record that is not a JSON object of values, breaks the contract, or is later
   * than the lateness allows is a reject whose file is the topic and partition, its line the
   * offset.
   */
  static <T> PCollectionTuple parse(
      PCollection<KafkaRecord<String, String>> records,
      Table<T> table,
      TupleTag<T> rows,
      Lateness lateness) {
    PCollectionTuple out =
        records.apply(
            "ParseRecords",
            ParDo.of(new ParseFn<>(table, rows, lateness))
                .withOutputTags(rows, TupleTagList.of(Read.REJECTS)));
    out.get(rows).setCoder(Wire.coder(table.type()));
    out.get(Read.REJECTS).setCoder(Reject.WireCoder.INSTANCE);
    return out;
  }

  private static final class ParseFn<T> extends DoFn<KafkaRecord<String, String>, T> {
    private final Counter tooLate = Metrics.counter(KafkaRows.class, "tooLate");
    private final Table<T> table;
    private final TupleTag<T> rows;
    private final Lateness lateness;
    private long lateInBundle;

    ParseFn(Table<T> table, TupleTag<T> rows, Lateness lateness) {
      this.table = table;
      this.rows = rows;
      this.lateness = lateness;
    }

    @StartBundle
    public void startBundle() {
      lateInBundle = 0;
    }

    @FinishBundle
    public void finishBundle() {
      if (lateInBundle > 0) {
        System.err.println(
            "megaphone stream: "
                + lateInBundle
                + " records of "
                + table.name()
                + " are later than"
                + " --allowedLateness and were rejected; each is a row in rejects/rejects.csv");
      }
    }

    @ProcessElement
    public void process(
        @Element KafkaRecord<String, String> record,
        @Timestamp Instant read,
        MultiOutputReceiver out) {
      String json = record.getKV().getValue();
      SourceRef source =
          SourceRef.create(
              "kafka:" + record.getTopic() + "/" + record.getPartition(),
              record.getOffset(),
              json == null ? "" : json);
      try {
        T row = table.parse(JsonRecords.row(json == null ? "" : json), source);
        Long at = lateness == null ? null : table.eventTime(row);
        String late = at == null ? null : lateness.tooLate(at, read.getMillis());
        if (late != null) {
          tooLate.inc();
          lateInBundle++;
          out.get(Read.REJECTS).output(source.reject(table.name(), late));
          return;
        }
        out.get(rows).output(row);
      } catch (RowRejected e) {
        out.get(Read.REJECTS).output(source.reject(table.name(), e.getMessage()));
      }
    }
  }

  /** Publishes strings keyed by a key to a topic. */
  static PDone publish(PCollection<KV<String, String>> records, String bootstrap, String topic) {
    return records.apply(
        "PublishTo" + topic.replaceAll("[^A-Za-z0-9]", ""),
        KafkaIO.<String, String>write()
            .withBootstrapServers(bootstrap)
            .withTopic(topic)
            .withKeySerializer(StringSerializer.class)
            .withValueSerializer(StringSerializer.class));
  }

  /** Report rows as JSON keyed by report and row key, for a dashboard to upsert. */
  static PCollection<KV<String, String>> reportRecords(PCollection<PaneRow> rows) {
    return rows.apply(
        "FormatReportRecords",
        MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via(
                (PaneRow r) ->
                    KV.of(
                        r.getReport() + "|" + String.join("|", r.getKey()),
                        JsonRecords.paneRow(r, Report.ofFile(r.getReport()).header()))));
  }

  /** Rejects as JSON dead letters keyed by where they came from. */
  static PCollection<KV<String, String>> deadLetters(PCollection<Reject> rejects) {
    return rejects.apply(
        "FormatDeadLetters",
        MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((Reject r) -> KV.of(r.getFile() + "@" + r.getLine(), JsonRecords.reject(r))));
  }
}
