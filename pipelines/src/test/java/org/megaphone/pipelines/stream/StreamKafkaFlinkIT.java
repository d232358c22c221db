package org.megaphone.pipelines.stream;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka stream on embedded Flink (its own test JVM: see the failsafe configuration). */
class StreamKafkaFlinkIT {

  @Test
  @Timeout(300)
  void postsAndViewsFromTopicsUpdateReportRowsAndBadRecordsBecomeDeadLettersOnEmbeddedFlink(
      @TempDir Path tmp) throws Exception {
    StreamKafkaIT.scenario(tmp, StreamFolderFlinkIT.EMBEDDED_FLINK);
  }
}
