package org.megaphone.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Kafka as the stream's way in and out (instead of the watched folder). */
public interface KafkaOptions extends PipelineOptions {
  @Description(
      "Kafka bootstrap servers (host:port,...). When given, posts and views are read from"
          + " --postsTopic and --viewsTopic instead of the input folder.")
  @Default.String("")
  String getKafkaBootstrap();

  void setKafkaBootstrap(String value);

  @Description("Topic of post records: JSON objects with the contract's posts columns.")
  @Default.String("posts")
  String getPostsTopic();

  void setPostsTopic(String value);

  @Description("Topic of view snapshot records: JSON objects with the contract's views columns.")
  @Default.String("views")
  String getViewsTopic();

  void setViewsTopic(String value);

  @Description(
      "Topic to publish every updated report row to, as JSON keyed by report and row key (empty: none).")
  @Default.String("")
  String getReportsTopic();

  void setReportsTopic(String value);

  @Description("Topic to publish rejected records to, as JSON with the reason (empty: none).")
  @Default.String("")
  String getDeadLetterTopic();

  void setDeadLetterTopic(String value);
}
