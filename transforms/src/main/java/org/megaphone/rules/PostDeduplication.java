package org.megaphone.rules;

import java.util.Comparator;
import org.megaphone.model.ExportRow;

/**
 * Contract section 4, Duplicates: among rows of one (platform, post_id) keep the latest exported_at
 * (missing counts as earliest), then the highest engagement, then the greatest raw record text.
 */
public final class PostDeduplication {
  private static final Comparator<ExportRow> PREFERENCE =
      Comparator.comparing(
              (ExportRow p) -> p.getExportedAt() == null ? Long.MIN_VALUE : p.getExportedAt())
          .thenComparingLong(ExportRow::engagement)
          .thenComparing(ExportRow::rawRecord, CodePoints.ORDER)
          // Identical records (e.g. the same row in files with different column orders): the one
          // read first, by file name then line, so the result never depends on arrival order.
          .thenComparing(ExportRow::sourceFile, CodePoints.ORDER.reversed())
          .thenComparing(Comparator.comparingLong(ExportRow::sourceLine).reversed());

  private PostDeduplication() {}

  /** Positive when {@code a} is to be kept rather than {@code b}. */
  public static int compare(ExportRow a, ExportRow b) {
    return PREFERENCE.compare(a, b);
  }

  /** The row to keep; null when there is none. */
  public static <T extends ExportRow> T best(Iterable<T> rows) {
    T best = null;
    for (T row : rows) {
      if (best == null || PREFERENCE.compare(row, best) > 0) {
        best = row;
      }
    }
    return best;
  }
}
