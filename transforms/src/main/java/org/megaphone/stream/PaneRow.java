package org.megaphone.stream;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.megaphone.model.Wire;

/**
 * One version of a weekly report row, as a stream emits it: the row's key and cells, which pane
 * produced it ({@code early}, {@code on_time}, {@code late}) and its sequence number within the
 * week, and whether the row exists at all (a correction can take a row's last post away).
 */
@DefaultCoder(PaneRow.WireCoder.class)
@AutoValue
public abstract class PaneRow implements Serializable {
  public abstract String getReport();

  public abstract List<String> getKey();

  public abstract List<String> getCells();

  public abstract String getPane();

  public abstract long getSequence();

  public abstract boolean getExists();

  public static PaneRow create(
      String report,
      List<String> key,
      List<String> cells,
      String pane,
      long sequence,
      boolean exists) {
    return new AutoValue_PaneRow(
        report, List.copyOf(key), List.copyOf(cells), pane, sequence, exists);
  }

  /** The key, pane and sequence as one line, for logs and tests. */
  @Override
  public final String toString() {
    return getReport()
        + " "
        + getKey()
        + " "
        + getPane()
        + "#"
        + getSequence()
        + (getExists() ? " " + getCells() : " (none)");
  }

  /**
   * The coder of a {@link PaneRow}: its fields in declaration order ({@link Wire}). Changing it
   * changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<PaneRow> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(PaneRow.class, INSTANCE);
    }

    @Override
    public void encode(PaneRow v, OutputStream out) throws IOException {
      Wire.writeString(v.getReport(), out);
      Wire.writeStrings(v.getKey(), out);
      Wire.writeStrings(v.getCells(), out);
      Wire.writeString(v.getPane(), out);
      Wire.writeLong(v.getSequence(), out);
      Wire.writeBoolean(v.getExists(), out);
    }

    @Override
    public PaneRow decode(InputStream in) throws IOException {
      return create(
          Wire.readString(in),
          Wire.readStrings(in),
          Wire.readStrings(in),
          Wire.readString(in),
          Wire.readLong(in),
          Wire.readBoolean(in));
    }
  }
}
