package org.megaphone.write;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.megaphone.attribution.ToList;
import org.megaphone.rules.CodePoints;

/**
 * Writes one report as a single sorted CSV file (contract section 5: header row, comma, UTF-8
 * without BOM, LF, minimal quoting), with a header even when there are no rows.
 *
 * <p>Input: the formatted rows (bounded, global window). Output: {@code rows.<file>} with the row
 * count. The whole report passes through one worker to be sorted.
 */
public final class WriteCsv extends PTransform<PCollection<ReportRow>, PCollection<KV<String, Long>>> {
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
        return CodePoints.compare(String.join("\u0000", a.getCells()), String.join("\u0000", b.getCells()));
      };

  private final String directory;
  private final String fileName;
  private final List<String> header;

  public WriteCsv(String directory, String fileName, List<String> header) {
    this.directory = directory;
    this.fileName = fileName;
    this.header = header;
  }

  @java.lang.Override
  public PCollection<KV<String, Long>> expand(PCollection<ReportRow> rows) {
    return rows.apply("GatherRows", Combine.globally(new ToList<ReportRow>()))
        .apply("SortAndWrite", ParDo.of(new WriteFn(directory, fileName, header)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /** Writes sorted rows as CSV text. */
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

  private static final class WriteFn extends DoFn<List<ReportRow>, KV<String, Long>> {
    private final String directory;
    private final String fileName;
    private final List<String> header;

    WriteFn(String directory, String fileName, List<String> header) {
      this.directory = directory;
      this.fileName = fileName;
      this.header = header;
    }

    @ProcessElement
    public void process(@Element List<ReportRow> rows, OutputReceiver<KV<String, Long>> out)
        throws IOException {
      ResourceId dir = FileSystems.matchNewResource(directory, true);
      ResourceId file = dir.resolve(fileName, ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      try (Writer w =
          new OutputStreamWriter(
              Channels.newOutputStream(FileSystems.create(file, "text/csv")),
              StandardCharsets.UTF_8)) {
        write(w, header, rows);
      }
      out.output(KV.of("rows." + fileName, (long) rows.size()));
    }
  }
}
