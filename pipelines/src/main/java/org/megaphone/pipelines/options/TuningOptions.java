package org.megaphone.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Knobs that change speed and memory, never results. */
public interface TuningOptions extends PipelineOptions {
  @Description(
      "On the DirectRunner, how many groups posts and their views are spread over to be"
          + " de-duplicated and credited (on Flink they are grouped by post); on every runner, how"
          + " many groups accounts are spread over for top posts. Each group is held in memory by"
          + " one worker: raise it for millions of posts; results do not depend on it.")
  @Default.Integer(64)
  Integer getShards();

  void setShards(Integer value);
}
