package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;

/** A row that breaks the contract: where it was, why, and its raw text (contract section 3). */
@DefaultCoder(Reject.WireCoder.class)
@AutoValue
public abstract class Reject implements Serializable {
  public abstract String getFile();

  public abstract long getLine();

  public abstract String getTable();

  public abstract String getReason();

  public abstract String getRecord();

  public static Reject create(String file, long line, String table, String reason, String record) {
    return new AutoValue_Reject(file, line, table, reason, record);
  }

  /**
   * The coder of a {@link Reject}: its fields in declaration order ({@link Wire}). Changing it
   * changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<Reject> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(Reject.class, INSTANCE);
    }

    @Override
    public void encode(Reject v, OutputStream out) throws IOException {
      Wire.writeString(v.getFile(), out);
      Wire.writeLong(v.getLine(), out);
      Wire.writeString(v.getTable(), out);
      Wire.writeString(v.getReason(), out);
      Wire.writeString(v.getRecord(), out);
    }

    @Override
    public Reject decode(InputStream in) throws IOException {
      return create(
          Wire.readString(in),
          Wire.readLong(in),
          Wire.readString(in),
          Wire.readString(in),
          Wire.readString(in));
    }
  }
}
