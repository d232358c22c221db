package org.megaphone.write;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;
import org.megaphone.reports.Report;

/**
 * Writes several reports, each a single sorted CSV file in one folder, with a header even when a
 * report has no rows.
 *
 * <p>Input: the pipeline; the reports are added with {@link #add} before applying. Output: none;
 * next to each report, its row count ({@link #rowCountFile}). Each report passes through one
 * worker, which sorts it in memory up to {@link #ROWS_IN_MEMORY} rows and in spilled runs beyond.
 * All reports share one grouping step: on the DirectRunner every step and every key costs a bundle,
 * so one grouping keyed by file name is much cheaper than one per report.
 */
public final class WriteReports extends PTransform<PBegin, PDone> {
  private final String directory;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final Map<String, PCollection<ReportRow>> reports = new LinkedHashMap<>();
  private final List<PCollection<KV<String, ReportRow>>> keyed = new ArrayList<>();

  public WriteReports(String directory) {
    this.directory = directory;
  }

  /** Adds a report: its file name, header and rows. */
  public WriteReports add(String fileName, List<String> header, PCollection<ReportRow> rows) {
    headers.put(fileName, List.copyOf(header));
    reports.put(fileName, rows);
    return this;
  }

  /** Adds a report of contract section 5, with the file and header {@link Report} defines. */
  public WriteReports add(Report report, PCollection<ReportRow> rows) {
    return add(report.file(), report.header(), rows);
  }

  /** Adds reports whose rows arrive together, each row keyed by its report's file name. */
  public WriteReports addKeyed(List<Report> reports, PCollection<KV<String, ReportRow>> rows) {
    Map<String, List<String>> byFile = new LinkedHashMap<>();
    for (Report r : reports) {
      byFile.put(r.file(), r.header());
    }
    return addKeyed(byFile, rows);
  }

  /** Adds reports whose rows arrive together, each row keyed by its file name. */
  public WriteReports addKeyed(
      Map<String, List<String>> headers, PCollection<KV<String, ReportRow>> rows) {
    headers.forEach((file, header) -> this.headers.put(file, List.copyOf(header)));
    keyed.add(rows);
    return this;
  }

  @Override
  public PDone expand(PBegin input) {
    KvCoder<String, ReportRow> coder =
        KvCoder.of(StringUtf8Coder.of(), ReportRow.WireCoder.INSTANCE);
    // One empty marker row per file, so that a report without rows still gets its file.
    List<KV<String, ReportRow>> markers = new ArrayList<>();
    for (String file : headers.keySet()) {
      markers.add(KV.of(file, MARKER));
    }
    PCollectionList<KV<String, ReportRow>> all =
        PCollectionList.of(input.apply("ListReports", Create.of(markers).withCoder(coder)));
    for (Map.Entry<String, PCollection<ReportRow>> report : reports.entrySet()) {
      all =
          all.and(
              report
                  .getValue()
                  .apply(stepName(report.getKey()), WithKeys.of(report.getKey()))
                  .setCoder(coder));
    }
    for (PCollection<KV<String, ReportRow>> rows : keyed) {
      all = all.and(rows);
    }
    all.apply("FlattenReports", Flatten.pCollections())
        .apply("GroupByReport", GroupByKey.create())
        .apply("SortAndWrite", ParDo.of(new WriteFn(directory, headers)));
    return PDone.in(input.getPipeline());
  }

  /** "entities_weekly.csv" -> "KeyEntitiesWeeklyRows": a VerbNoun step name (a Flink uid). */
  static String stepName(String fileName) {
    StringBuilder name = new StringBuilder("Key");
    for (String part : fileName.replaceFirst("\\.csv$", "").split("_", -1)) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return name.append("Rows").toString();
  }

  /**
   * Rows a worker sorts in memory; a larger report is sorted in runs spilled to disk and merged.
   */
  static final int ROWS_IN_MEMORY = 200_000;

  /** The file, next to a report, that holds how many rows the report has (read by the driver). */
  public static String rowCountFile(String report) {
    return "." + report + ".rows";
  }

  /** A row with no cells: never a real report row. */
  static final ReportRow MARKER = ReportRow.create(List.of(), List.of());

  private static final class WriteFn extends DoFn<KV<String, Iterable<ReportRow>>, Void> {
    // Read live by the report's progress lines.
    private final Counter written = Metrics.counter(WriteReports.class, "files");
    private final String directory;
    private final Map<String, List<String>> headers;

    WriteFn(String directory, Map<String, List<String>> headers) {
      this.directory = directory;
      this.headers = headers;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<ReportRow>> report) throws IOException {
      Iterable<ReportRow> rows =
          () ->
              StreamSupport.stream(report.getValue().spliterator(), false)
                  .filter(row -> !row.getCells().isEmpty())
                  .iterator();
      ResourceId dir = FileSystems.matchNewResource(directory, true);
      ResourceId file =
          dir.resolve(report.getKey(), ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      List<String> header = headers.get(report.getKey());
      if (header == null) {
        throw new IllegalStateException(
            "rows keyed to " + report.getKey() + ", which no report added to WriteReports names");
      }
      long count;
      try (Writer w =
          new OutputStreamWriter(
              Channels.newOutputStream(FileSystems.create(file, "text/csv")),
              StandardCharsets.UTF_8)) {
        count = CsvFiles.write(w, header, rows, ROWS_IN_MEMORY);
      }
      ResourceId counted =
          dir.resolve(
              rowCountFile(report.getKey()), ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      try (Writer w =
          new OutputStreamWriter(
              Channels.newOutputStream(FileSystems.create(counted, "text/plain")),
              StandardCharsets.UTF_8)) {
        w.write(Long.toString(count));
      }
      written.inc();
    }
  }
}
