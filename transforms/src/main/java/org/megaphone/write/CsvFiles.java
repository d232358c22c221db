package org.megaphone.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.megaphone.rules.CodePoints;

/**
 * Contract section 5, the CSV of every output: one header row, comma, minimal quoting, LF, rows
 * sorted by their key (contract copy, D24). The caller's writer must be UTF-8 without BOM.
 */
public final class CsvFiles {
  static final Comparator<ReportRow> ORDER =
      (a, b) -> {
        List<String> x = a.getSortKey();
        List<String> y = b.getSortKey();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
          int c = CodePoints.compare(x.get(i), y.get(i));
          if (c != 0) {
            return c;
          }
        }
        int c = Integer.compare(x.size(), y.size());
        if (c != 0) {
          return c;
        }
        // Equal keys: order by the cells so the file does not depend on arrival order.
        return CodePoints.compare(
            String.join("\u0000", a.getCells()), String.join("\u0000", b.getCells()));
      };

  private CsvFiles() {}

  /** Writes the header and the rows, sorted. */
  public static void write(Writer out, List<String> header, List<ReportRow> rows)
      throws IOException {
    List<ReportRow> sorted = new ArrayList<>(rows);
    sorted.sort(ORDER);
    writeLine(out, header);
    for (ReportRow row : sorted) {
      writeLine(out, row.getCells());
    }
  }

  /**
   * Writes the header and the rows, sorted without holding more than {@code maxInMemory} of them
   * (sorted runs spilled to temporary files and merged); returns the rows written.
   */
  public static long write(
      Writer out, List<String> header, Iterable<ReportRow> rows, int maxInMemory)
      throws IOException {
    try (SortedRuns sorted = new SortedRuns(maxInMemory)) {
      for (ReportRow row : rows) {
        sorted.add(row);
      }
      writeLine(out, header);
      sorted.forEachSorted(
          row -> {
            try {
              writeLine(out, row.getCells());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      return sorted.rows();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * One CSV line: a cell is quoted only when it holds a comma, a quote, CR or LF (commons-csv's
   * MINIMAL mode also quotes cells starting with '#' or a space, and empty first cells).
   */
  static void writeLine(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String cell = cells.get(i);
      if (cell.indexOf(',') >= 0
          || cell.indexOf('"') >= 0
          || cell.indexOf('\n') >= 0
          || cell.indexOf('\r') >= 0) {
        out.write('"');
        out.write(cell.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(cell);
      }
    }
    out.write('\n');
  }
}
