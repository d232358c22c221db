package org.megaphone.pipelines.stream;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The folder-drop stream on embedded Flink (its own test JVM: see the failsafe configuration). */
class StreamFolderFlinkIT {
  /** A stream on embedded Flink that start() returns from, checkpointing every second. */
  static final String[] EMBEDDED_FLINK = {
    "--runner=FlinkRunner",
    "--flinkMaster=[local]",
    "--parallelism=2",
    // start() must return: an attached embedded Flink job would block it.
    "--attachedMode=false",
    "--checkpointingInterval=1000"
  };

  @Test
  @Timeout(600)
  void droppedFilesUpdateTheLiveReportsOnEmbeddedFlink(@TempDir Path tmp) throws Exception {
    StreamFolderIT.scenario(tmp, EMBEDDED_FLINK);
  }
}
