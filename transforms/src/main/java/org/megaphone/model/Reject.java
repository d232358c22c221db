package org.megaphone.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/** A row that breaks the contract: where it was, why, and its raw text (contract section 3). */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class Reject implements java.io.Serializable {
  public abstract String getFile();

  public abstract long getLine();

  public abstract String getTable();

  public abstract String getReason();

  public abstract String getRecord();

  @SchemaCreate
  public static Reject create(String file, long line, String table, String reason, String record) {
    return new AutoValue_Reject(file, line, table, reason, record);
  }
}
