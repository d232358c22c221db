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

  @SchemaCreate
  public static InputFile create(
      String table, String path, long bytes, String sha256, long rows, long rejected) {
    return new AutoValue_InputFile(table, path, bytes, sha256, rows, rejected);
  }
}
