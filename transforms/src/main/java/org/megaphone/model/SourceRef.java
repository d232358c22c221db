package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;

/** Where a parsed row came from, kept so later rules can reject it or break ties on it. */
@DefaultCoder(SourceRef.WireCoder.class)
@AutoValue
public abstract class SourceRef implements Serializable {
  public abstract String getFile();

  public abstract long getLine();

  /** The raw record text, as in the file. */
  public abstract String getRecord();

  public static SourceRef create(String file, long line, String record) {
    return new AutoValue_SourceRef(file, line, record);
  }

  public Reject reject(String table, String reason) {
    return Reject.create(getFile(), getLine(), table, reason, getRecord());
  }

  /**
   * The coder of a {@link SourceRef}: its fields in declaration order ({@link Wire}). Changing it
   * changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<SourceRef> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(SourceRef.class, INSTANCE);
    }

    @Override
    public void encode(SourceRef v, OutputStream out) throws IOException {
      Wire.writeString(v.getFile(), out);
      Wire.writeLong(v.getLine(), out);
      Wire.writeString(v.getRecord(), out);
    }

    @Override
    public SourceRef decode(InputStream in) throws IOException {
      return create(Wire.readString(in), Wire.readLong(in), Wire.readString(in));
    }
  }
}
