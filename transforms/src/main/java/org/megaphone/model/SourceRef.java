package org.megaphone.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/** Where a parsed row came from, kept so later rules can reject it or break ties on it. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class SourceRef implements java.io.Serializable {
  public abstract String getFile();

  public abstract long getLine();

  /** The raw record text, as in the file. */
  public abstract String getRecord();

  @SchemaCreate
  public static SourceRef create(String file, long line, String record) {
    return new AutoValue_SourceRef(file, line, record);
  }

  public Reject reject(String table, String reason) {
    return Reject.create(getFile(), getLine(), table, reason, getRecord());
  }
}
