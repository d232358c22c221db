package org.megaphone.read;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/** One input file as summary.json lists it: size and checksum of its bytes, rows it held. */
@DefaultSchema(AutoValueSchema.class)
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

  @SchemaCreate
  public static InputFile create(
      String table,
      String path,
      long bytes,
      String sha256,
      long rows,
      long rejected,
      String charset,
      String profile) {
    return new AutoValue_InputFile(table, path, bytes, sha256, rows, rejected, charset, profile);
  }
}
