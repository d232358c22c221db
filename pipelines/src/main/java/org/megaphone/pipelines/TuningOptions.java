package org.megaphone.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Knobs that change speed and memory, never results. */
public interface TuningOptions extends PipelineOptions {
  @Description(
      "How many groups posts and their views are spread over to be de-duplicated and credited."
          + " Each group is held in memory by one worker: raise it for archives of millions of"
          + " posts (and at least to the Flink parallelism); results do not depend on it.")
  @Default.Integer(64)
  Integer getShards();

  void setShards(Integer value);
}
