package org.megaphone.read;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.megaphone.model.Wire;

/** One input file as summary.json lists it: size and checksum of its bytes, rows it held. */
@DefaultCoder(InputFile.WireCoder.class)
@AutoValue
public abstract class InputFile {
  public abstract String getTable();

  /** Relative to the --input folder. */
  public abstract String getPath();

  public abstract long getBytes();

  public abstract String getSha256();

  public abstract long getRows();

  public abstract long getRejected();

  /** How its text was decoded: UTF-8, UTF-16LE, UTF-16BE or windows-1252. */
  public abstract String getCharset();

  /** The format it was read as: {@code canonical} or an export profile's name. */
  public abstract String getProfile();

  /**
   * What reading it had to adjust, by name, with how often: an export's quirks that its profile
   * reads on purpose ({@code repaired_records}, {@code net_counts_read_as_zero}); empty for the
   * contract's own tables.
   */
  public abstract Map<String, Long> getAdjustments();

  /**
   * How its counts group thousands ({@code 1,234}, {@code 1.234}, {@code 1 234}, several joined by
   * " and "); empty when no count it read had groups, always for the contract's own tables.
   */
  public abstract String getNumberFormat();

  /** This file with the way its counts group thousands. */
  public InputFile withNumberFormat(String numberFormat) {
    return new AutoValue_InputFile(
        getTable(),
        getPath(),
        getBytes(),
        getSha256(),
        getRows(),
        getRejected(),
        getCharset(),
        getProfile(),
        getAdjustments(),
        numberFormat);
  }

  /** This file with the adjustments its reading made (none kept when all counts are 0). */
  public InputFile withAdjustments(Map<String, Long> adjustments) {
    Map<String, Long> kept = new TreeMap<>();
    adjustments.forEach(
        (name, count) -> {
          if (count != 0) {
            kept.put(name, count);
          }
        });
    return new AutoValue_InputFile(
        getTable(),
        getPath(),
        getBytes(),
        getSha256(),
        getRows(),
        getRejected(),
        getCharset(),
        getProfile(),
        Collections.unmodifiableMap(kept),
        getNumberFormat());
  }

  public static InputFile create(
      String table,
      String path,
      long bytes,
      String sha256,
      long rows,
      long rejected,
      String charset,
      String profile) {
    return new AutoValue_InputFile(
        table, path, bytes, sha256, rows, rejected, charset, profile, Map.of(), "");
  }

  /**
   * The coder of a {@link InputFile}: its fields in declaration order ({@link Wire}). Changing it
   * changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<InputFile> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(InputFile.class, INSTANCE);
    }

    @Override
    public void encode(InputFile v, OutputStream out) throws IOException {
      Wire.writeString(v.getTable(), out);
      Wire.writeString(v.getPath(), out);
      Wire.writeLong(v.getBytes(), out);
      Wire.writeString(v.getSha256(), out);
      Wire.writeLong(v.getRows(), out);
      Wire.writeLong(v.getRejected(), out);
      Wire.writeString(v.getCharset(), out);
      Wire.writeString(v.getProfile(), out);
      Wire.writeLongs(v.getAdjustments(), out);
      Wire.writeString(v.getNumberFormat(), out);
    }

    @Override
    public InputFile decode(InputStream in) throws IOException {
      return create(
              Wire.readString(in),
              Wire.readString(in),
              Wire.readLong(in),
              Wire.readString(in),
              Wire.readLong(in),
              Wire.readLong(in),
              Wire.readString(in),
              Wire.readString(in))
          .withAdjustments(Wire.readLongs(in))
          .withNumberFormat(Wire.readString(in));
    }
  }
}
