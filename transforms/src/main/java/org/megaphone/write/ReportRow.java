package org.megaphone.write;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.megaphone.model.Wire;

/** One formatted output row: its cells as they are written, and the key it is sorted by. */
@DefaultCoder(ReportRow.WireCoder.class)
@AutoValue
public abstract class ReportRow {
  /** Compared element by element, by code point (contract copy, D24). */
  public abstract List<String> getSortKey();

  public abstract List<String> getCells();

  public static ReportRow create(List<String> sortKey, List<String> cells) {
    return new AutoValue_ReportRow(List.copyOf(sortKey), List.copyOf(cells));
  }

  /**
   * The coder of a {@link ReportRow}: its fields in declaration order ({@link Wire}). Changing it
   * changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<ReportRow> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(ReportRow.class, INSTANCE);
    }

    @Override
    public void encode(ReportRow v, OutputStream out) throws IOException {
      Wire.writeStrings(v.getSortKey(), out);
      Wire.writeStrings(v.getCells(), out);
    }

    @Override
    public ReportRow decode(InputStream in) throws IOException {
      return create(Wire.readStrings(in), Wire.readStrings(in));
    }
  }
}
