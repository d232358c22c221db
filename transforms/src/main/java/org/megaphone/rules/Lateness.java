package org.megaphone.rules;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The stream's rule for rows too late to count (contract copy D39): a row whose ISO week (in the
 * zone) ended more than {@code --allowedLateness} before the row was read cannot change that week's
 * rows any more, so the stream rejects it where it reads it, with the reason, instead of letting
 * the weekly windows drop it without a word. "Read" is the time the file was found (or the Kafka
 * record's timestamp): the watermark the windows judge lateness by never runs ahead of it, so no
 * row the rule lets through is dropped by the windows.
 */
public final class Lateness implements Serializable {
  private final String zoneId;
  private final long allowedMillis;
  private final String allowed;

  /** {@code allowed}: the ISO-8601 duration, as the user gave it (for the reason). */
  public Lateness(String zoneId, String allowed) {
    this.zoneId = zoneId;
    this.allowed = allowed;
    this.allowedMillis = Duration.parse(allowed).toMillis();
  }

  /** Null when the row still counts; else the reject's reason. */
  public String tooLate(long eventMillis, long readMillis) {
    ZoneId zone = ZoneId.of(zoneId);
    String week = Weeks.label(eventMillis, zone);
    long end = Weeks.endMillis(week, zone);
    // Beam drops a row once its window's last instant plus the lateness is behind the watermark.
    if (saturatedAdd(end - 1, allowedMillis) >= readMillis) {
      return null;
    }
    return "later than --allowedLateness="
        + allowed
        + ": its week "
        + week
        + " ended "
        + Instant.ofEpochMilli(end)
        + ", it was read "
        + Instant.ofEpochMilli(readMillis)
        + " (replay older data with a larger --allowedLateness, or use the report job)";
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
