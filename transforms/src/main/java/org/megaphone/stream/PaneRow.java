package org.megaphone.stream;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * One version of a weekly report row, as a stream emits it: the row's key and cells, which pane
 * produced it ({@code early}, {@code on_time}, {@code late}) and its sequence number within the
 * week, and whether the row exists at all (a correction can take a row's last post away).
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class PaneRow implements java.io.Serializable {
  public abstract String getReport();

  public abstract List<String> getKey();

  public abstract List<String> getCells();

  public abstract String getPane();

  public abstract long getSequence();

  public abstract boolean getExists();

  @SchemaCreate
  public static PaneRow create(
      String report, List<String> key, List<String> cells, String pane, long sequence, boolean exists) {
    return new AutoValue_PaneRow(report, List.copyOf(key), List.copyOf(cells), pane, sequence, exists);
  }

  /** The key, pane and sequence as one line, for logs and tests. */
  @java.lang.Override
  public String toString() {
    return getReport() + " " + getKey() + " " + getPane() + "#" + getSequence() + (getExists() ? " " + getCells() : " (none)");
  }
}
