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

  /**
   * Orders rows so that the one read first (file name, then line) is the greatest: the final
   * tie-break of every de-duplication.
   */
  public static int readFirst(SourceRef a, SourceRef b) {
    int byFile = org.megaphone.rules.CodePoints.compare(b.getFile(), a.getFile());
    return byFile != 0 ? byFile : Long.compare(b.getLine(), a.getLine());
  }

  public Reject reject(String table, String reason) {
    return Reject.create(getFile(), getLine(), table, reason, getRecord());
  }
}
