package org.megaphone.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.StreamingOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the {@code stream} job: the watched folder, the rules, the live folder, the panes. */
public interface StreamOptions extends DatasetOptions, RuleOptions, KafkaOptions, StreamingOptions {
  @Description(
      "Folder kept current with each week's reports: <output>/<week>/entities_weekly.csv and"
          + " platforms_weekly.csv (with pane and sequence columns), <output>/rejects/rejects.csv.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "How often, in processing time, a week's rows are updated before the week ends (ISO-8601).")
  @Default.String("PT1M")
  String getEarlyFiring();

  void setEarlyFiring(String value);

  @Description(
      "How long after a week's end late data still updates its rows (ISO-8601); later data is dropped.")
  @Default.String("P14D")
  String getAllowedLateness();

  void setAllowedLateness(String value);

  @Description(
      "How long a post's state is kept after the last week it had a row in has passed"
          + " --allowedLateness (ISO-8601); then it is cleared, and a later row for the post is"
          + " rejected as 'stream state expired' (the report job still counts it).")
  @Default.String("P90D")
  String getStateTtl();

  void setStateTtl(String value);

  @Description("How often the input folder is checked for new posts*.csv and views*.csv files.")
  @Default.String("PT5S")
  String getPollInterval();

  void setPollInterval(String value);

  @Description(
      "Stop once no new file has appeared in --input for this long (ISO-8601, e.g. PT30S): the"
          + " stream then emits its final panes and ends, as for a replay of a pre-filled folder of"
          + " archived files. Empty (the default): watch until cancelled. FlinkRunner only (embedded:"
          + " --flinkMaster=[local]); not with --kafkaBootstrap.")
  @Default.String("")
  String getStopAfterIdle();

  void setStopAfterIdle(String value);
}
