package org.megaphone.write;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/** One formatted output row: its cells as they are written, and the key it is sorted by. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class ReportRow {
  /** Compared element by element, by code point (contract copy, D24). */
  public abstract List<String> getSortKey();

  public abstract List<String> getCells();

  @SchemaCreate
  public static ReportRow create(List<String> sortKey, List<String> cells) {
    return new AutoValue_ReportRow(List.copyOf(sortKey), List.copyOf(cells));
  }
}
