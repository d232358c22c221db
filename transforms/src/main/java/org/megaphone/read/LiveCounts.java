package org.megaphone.read;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the read steps have read so far in this JVM, for progress lines on runners that give no
 * counters until the job ends (embedded Flink, where the job runs in the driver's process). For the
 * terminal only: no figure of a report comes from here (Beam's counters and the run's own files
 * give those), and a job on a remote cluster counts in its TaskManagers, not here.
 */
public final class LiveCounts {
  private static final AtomicLong FILES = new AtomicLong();
  private static final AtomicLong BYTES = new AtomicLong();
  private static final AtomicLong ROWS = new AtomicLong();
  private static final AtomicLong REJECTS = new AtomicLong();

  private LiveCounts() {}

  /** Files, bytes, rows and rejects read so far. */
  public record Snapshot(long files, long bytes, long rows, long rejects) {}

  public static void reset() {
    FILES.set(0);
    BYTES.set(0);
    ROWS.set(0);
    REJECTS.set(0);
  }

  public static Snapshot snapshot() {
    return new Snapshot(FILES.get(), BYTES.get(), ROWS.get(), REJECTS.get());
  }

  static void file() {
    FILES.incrementAndGet();
  }

  static void bytes(long n) {
    BYTES.addAndGet(n);
  }

  static void row() {
    ROWS.incrementAndGet();
  }

  static void reject() {
    REJECTS.incrementAndGet();
  }

  /** For the export reader, in its own package. */
  public static void countFile(long bytes) {
    FILES.incrementAndGet();
    BYTES.addAndGet(bytes);
  }

  public static void countRow(boolean rejected) {
    ROWS.incrementAndGet();
    if (rejected) {
      REJECTS.incrementAndGet();
    }
  }
}
