package org.megaphone.read;

import java.io.Serializable;
import java.util.List;
import org.megaphone.model.SourceRef;

/**
 * One table of the contract: its name (the file prefix), its required columns and the rule that
 * turns a {@link Row} into a value or a {@link RowRejected}.
 */
public interface Table<T> extends Serializable {
  String name();

  /** The class of its rows, whose schema gives their coder. */
  Class<T> type();

  /** Columns the header must have; a file without one of them stops the run. */
  List<String> requiredColumns();

  T parse(Row row, SourceRef source);

  /** The row's event time in epoch milliseconds, for tables a stream reads; else null. */
  default Long eventTime(T row) {
    return null;
  }

  /** Whether a file name belongs to this table: {@code <name>*.csv} or {@code <name>*.csv.gz}. */
  default boolean matches(String fileName) {
    return isFileOf(name(), fileName);
  }

  /** Whether a file name belongs to the table of that name (for checks made without a Table). */
  static boolean isFileOf(String table, String fileName) {
    return fileName.startsWith(table)
        && (fileName.endsWith(".csv") || fileName.endsWith(".csv.gz"));
  }
}
