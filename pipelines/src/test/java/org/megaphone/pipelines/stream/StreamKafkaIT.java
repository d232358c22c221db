package org.megaphone.pipelines.stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.options.StreamOptions;
import org.megaphone.pipelines.testing.KafkaBroker;
import org.megaphone.pipelines.testing.SameWeek;
import org.megaphone.rules.Weeks;

/**
 * The Kafka way in and out, against a real broker (KRaft, child JVM on 127.0.0.1): posts and views
 * published as JSON update the report rows published back; a bad record becomes a dead letter and
 * the stream keeps running.
 */
class StreamKafkaIT {

  private static String await(
      KafkaConsumer<String, String> consumer,
      Predicate<ConsumerRecord<String, String>> wanted,
      int seconds) {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        seen.append(r.key()).append(" = ").append(r.value()).append('\n');
        if (wanted.test(r)) {
          return r.value();
        }
      }
    }
    throw new AssertionError("no such record within " + seconds + " s; seen:\n" + seen);
  }

  private static KafkaConsumer<String, String> consumer(KafkaBroker broker, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    c.subscribe(List.of(topic));
    return c;
  }

  @Test
  @Timeout(300)
  void postsAndViewsFromTopicsUpdateReportRowsAndBadRecordsBecomeDeadLetters(@TempDir Path tmp)
      throws Exception {
    scenario(tmp);
  }

  /**
   * Produces a post, a view and a malformed record; reads the report row and the dead letter back.
   */
  static void scenario(Path tmp, String... runnerArgs) throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(tmp.resolve("kafka"))) {
      broker.createTopics("posts", "views", "reports", "dead");
      Path inbox = Files.createDirectories(tmp.resolve("inbox"));
      Files.writeString(
          inbox.resolve("accounts.csv"),
          "platform,handle,entity_id,entity_name,role\ninstagram,anna_k,anna,Anna,influencer\n");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--input=" + inbox,
                  "--output=" + tmp.resolve("live"),
                  "--timezone=UTC",
                  "--earlyFiring=PT1S",
                  "--kafkaBootstrap=" + broker.bootstrap(),
                  "--reportsTopic=reports",
                  "--deadLetterTopic=dead",
                  "--blockOnRun=false"));
      args.addAll(List.of(runnerArgs));
      StreamOptions options =
          PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).as(StreamOptions.class);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Instant published = SameWeek.publishedBefore(now);
      String week = Weeks.label(published.toEpochMilli(), ZoneOffset.UTC);
      PipelineResult result = StreamPipeline.start(options);
      Properties pp = new Properties();
      pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
      try (KafkaProducer<String, String> producer =
              new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer());
          KafkaConsumer<String, String> reports = consumer(broker, "reports");
          KafkaConsumer<String, String> dead = consumer(broker, "dead")) {
        producer
            .send(
                new ProducerRecord<>(
                    "posts",
                    "instagram:p1",
                    "{\"platform\":\"instagram\",\"post_id\":\"p1\",\"handle\":\"@Anna_K\",\"published_at\":\""
                        + published
                        + "\",\"likes\":10,\"comments\":2}"))
            .get();
        producer
            .send(
                new ProducerRecord<>(
                    "views",
                    "instagram:p1",
                    "{\"platform\":\"ig\",\"post_id\":\"p1\",\"observed_at\":\""
                        + now
                        + "\",\"views\":250}"))
            .get();
        producer.send(new ProducerRecord<>("views", "bad", "{not json")).get();
        producer.flush();

        String row =
            await(
                reports,
                r ->
                    r.key().equals("entities_weekly.csv|" + week + "|anna")
                        && r.value().contains("\"views\":\"250\"")
                        && r.value().contains("\"engagement\":\"12\""),
                180);
        assertThat(row, containsString("\"pane\":"));
        String letter = await(dead, r -> r.value().contains("malformed JSON record"), 60);
        assertThat(letter, containsString("\"file\":\"kafka:views/0\""));
      } finally {
        result.cancel();
      }
    }
  }
}
