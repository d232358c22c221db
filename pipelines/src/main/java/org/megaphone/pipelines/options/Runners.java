package org.megaphone.pipelines.options;

import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/** Which runner a job's options choose, for the report, the weekly job and the stream alike. */
public final class Runners {
  private Runners() {}

  /** Whether the job runs on Flink (embedded or a cluster). */
  public static boolean onFlink(PipelineOptions options) {
    return FlinkRunner.class.isAssignableFrom(options.getRunner());
  }

  /** Whether a Flink job runs in this process ({@code --flinkMaster=[local]} or [auto]). */
  public static boolean embeddedFlink(PipelineOptions options) {
    String master = options.as(FlinkPipelineOptions.class).getFlinkMaster();
    return master == null || master.equals("[local]") || master.equals("[auto]");
  }
}
