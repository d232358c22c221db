package org.megaphone.pipelines;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The folder-drop stream on embedded Flink (its own test JVM: see the failsafe configuration). */
class StreamFolderFlinkIT {

  @Test
  @Timeout(600)
  void droppedFilesUpdateTheLiveReportsOnEmbeddedFlink(@TempDir Path tmp) throws Exception {
    StreamFolderIT.scenario(
        tmp,
        "--runner=FlinkRunner",
        "--flinkMaster=[local]",
        "--parallelism=2",
        // start() must return: an attached embedded Flink job would block it.
        "--attachedMode=false",
        "--checkpointingInterval=1000");
  }
}
