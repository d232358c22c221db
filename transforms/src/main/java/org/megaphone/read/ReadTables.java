package org.megaphone.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.megaphone.model.Wire;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Watch;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.megaphone.model.Reject;

/**
 * Reads every table of a dataset folder in one pass over its file listing.
 *
 * <p>Input: the pipeline. Output (bounded): a tuple holding, for each table, its parsed rows
 * ({@link #rows}), plus all rejected rows ({@link #REJECTS}) and one {@link InputFile} per file
 * read ({@link #FILES}). A file belongs to the table whose {@link Table#matches} accepts its name;
 * other files are ignored; no file for a table is fine (the caller checks required ones). A
 * missing required column or an unreadable file fails the pipeline with an {@link
 * InputException}. One listing and one parsing step for all tables keep the graph small, which
 * is what the DirectRunner's per-bundle cost grows with.
 */
public final class ReadTables extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<Reject> REJECTS = new TupleTag<>() {};
  public static final TupleTag<InputFile> FILES = new TupleTag<>() {};

  private final InputFiles files;
  private final Map<String, Table<?>> tables = new LinkedHashMap<>();
  private final Map<String, TupleTag<?>> tags = new LinkedHashMap<>();

  /** Tables whose rows go to a shared output ({@link #sending}): each row through its function. */
  private final Map<String, SerializableFunction<Object, Object>> mappings = new LinkedHashMap<>();

  private final Map<TupleTag<?>, Coder<?>> sharedCoders = new LinkedHashMap<>();

  /** Null for one pass over the folder; else how often a stream looks for new files. */
  private final org.joda.time.Duration pollInterval;

  /** Null to watch for ever; else how long without a new file ends the watch. */
  private final org.joda.time.Duration stopAfterIdle;

  /** Null to keep every row; else the stream's rule for rows too late to count (rejected). */
  private org.megaphone.stream.Lateness lateness;

  /**
   * Rejects, where they are read, the rows the stream's weekly windows could no longer count
   * (too old for --allowedLateness when their file is found), instead of leaving the windows to
   * drop them without a word.
   */
  public ReadTables rejectingLate(org.megaphone.stream.Lateness lateness) {
    this.lateness = lateness;
    return this;
  }

  /** One pass over the files an --input names (a folder, recursively, or a glob). */
  public ReadTables(String input, List<Table<?>> tables) {
    this(InputFiles.of(input), tables, null, null);
  }

  public ReadTables(InputFiles files, List<Table<?>> tables) {
    this(files, tables, null, null);
  }

  /**
   * A reader that keeps watching the folder: every new file is read once, when it appears under
   * its final name (writers should write under another name, then rename). The output is
   * unbounded.
   */
  public static ReadTables watching(String folder, List<Table<?>> tables, org.joda.time.Duration pollInterval) {
    return new ReadTables(InputFiles.topLevel(folder), tables, pollInterval, null);
  }

  /**
   * Like {@link #watching}, but the watch ends once no new file has appeared for {@code
   * stopAfterIdle}: the output is then complete, and a stream reading it finishes (a replay of an
   * archive, a benchmark).
   */
  public static ReadTables watchingUntilIdle(
      String folder, List<Table<?>> tables, org.joda.time.Duration pollInterval, org.joda.time.Duration stopAfterIdle) {
    return new ReadTables(InputFiles.topLevel(folder), tables, pollInterval, stopAfterIdle);
  }

  private ReadTables(
      InputFiles files, List<Table<?>> tables, org.joda.time.Duration pollInterval, org.joda.time.Duration stopAfterIdle) {
    this.pollInterval = pollInterval;
    this.stopAfterIdle = stopAfterIdle;
    this.files = files;
    for (Table<?> t : tables) {
      this.tables.put(t.name(), t);
      this.tags.put(t.name(), new TupleTag<>(t.name()));
    }
  }

  private FileIO.Match match() {
    FileIO.Match match =
        FileIO.match().filepattern(files.pattern()).withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW);
    if (pollInterval == null) {
      return match;
    }
    return stopAfterIdle == null
        ? match.continuously(pollInterval, Watch.Growth.never())
        : match.continuously(pollInterval, Watch.Growth.afterTimeSinceNewOutput(stopAfterIdle));
  }

  /** The tag of a table's rows in the output. */
  @SuppressWarnings("unchecked")
  public <T> TupleTag<T> rows(Table<T> table) {
    if (mappings.containsKey(table.name())) {
      throw new IllegalArgumentException(table.name() + "'s rows are sent to a shared output");
    }
    return (TupleTag<T>) tags.get(table.name());
  }

  /**
   * Sends each row of {@code table}, through {@code map}, to the output {@code tag} instead of a
   * table output of its own. Tables sent to one tag reach their consumer as one collection
   * without a Flatten: on Flink's batch translation a Flatten, like each further output of the
   * parsing step, is a task boundary that encodes and decodes every row (runbooks/performance.md).
   */
  @SuppressWarnings("unchecked")
  public <T, O> ReadTables sending(Table<T> table, TupleTag<O> tag, Coder<O> coder, SerializableFunction<T, O> map) {
    if (!tables.containsKey(table.name())) {
      throw new IllegalArgumentException("not a table of this reader: " + table.name());
    }
    tags.put(table.name(), tag);
    mappings.put(table.name(), (SerializableFunction<Object, Object>) (SerializableFunction<?, ?>) map);
    sharedCoders.put(tag, coder);
    return this;
  }

  @java.lang.Override
  public PCollectionTuple expand(PBegin input) {
    TupleTagList others = TupleTagList.of(FILES);
    for (TupleTag<?> tag : new java.util.LinkedHashSet<>(tags.values())) {
      others = others.and(tag);
    }
    PCollectionTuple parsed =
        input
            .apply("MatchFiles", match())
            .apply("KeepTableFiles", Filter.by(new IsTableFile(files, tables)))
            .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED))
            .apply(
                "ParseRows",
                ParDo.of(new ParseFileFn(files, tables, tags, mappings, lateness)).withOutputTags(REJECTS, others));
    parsed.get(REJECTS).setCoder(Reject.WireCoder.INSTANCE);
    parsed.get(FILES).setCoder(InputFile.WireCoder.INSTANCE);
    for (Table<?> t : tables.values()) {
      if (!mappings.containsKey(t.name())) {
        setCoder(parsed.get(tags.get(t.name())), t.type());
      }
    }
    for (Map.Entry<TupleTag<?>, Coder<?>> shared : sharedCoders.entrySet()) {
      setCoder(parsed.get(shared.getKey()), shared.getValue());
    }
    return parsed;
  }

  @SuppressWarnings("unchecked")
  private static <T> void setCoder(PCollection<?> collection, Coder<T> coder) {
    ((PCollection<T>) collection).setCoder(coder);
  }

  @SuppressWarnings("unchecked")
  private static <T> void setCoder(PCollection<?> collection, Class<T> type) {
    ((PCollection<T>) collection).setCoder(Wire.coder(type));
  }

  /** The table a file name belongs to, or null. */
  static Table<?> tableOf(Map<String, Table<?>> tables, String fileName) {
    for (Table<?> t : tables.values()) {
      if (t.matches(fileName)) {
        return t;
      }
    }
    return null;
  }

  private static final class IsTableFile
      implements SerializableFunction<MatchResult.Metadata, Boolean> {
    private final InputFiles files;
    private final Map<String, Table<?>> tables;

    IsTableFile(InputFiles files, Map<String, Table<?>> tables) {
      this.files = files;
      this.tables = tables;
    }

    @java.lang.Override
    public Boolean apply(MatchResult.Metadata file) {
      return !file.resourceId().isDirectory()
          && files.accepts(file.resourceId().toString())
          && files.insideInput(file.resourceId().toString())
          && tableOf(tables, file.resourceId().getFilename()) != null;
    }
  }

  private static final class ParseFileFn extends DoFn<FileIO.ReadableFile, Reject> {
    // Read live by the driver's progress lines (pipelines/Progress).
    private final Counter filesRead = Metrics.counter(ReadTables.class, "files");
    private final Counter rowsRead = Metrics.counter(ReadTables.class, "rows");
    private final Counter rowsRejected = Metrics.counter(ReadTables.class, "rejects");
    private final Counter rowsTooLate = Metrics.counter(ReadTables.class, "tooLate");
    private final InputFiles files;
    private final Map<String, Table<?>> tables;
    private final Map<String, TupleTag<?>> tags;
    private final Map<String, SerializableFunction<Object, Object>> mappings;
    private final org.megaphone.stream.Lateness lateness;

    ParseFileFn(
        InputFiles files,
        Map<String, Table<?>> tables,
        Map<String, TupleTag<?>> tags,
        Map<String, SerializableFunction<Object, Object>> mappings,
        org.megaphone.stream.Lateness lateness) {
      this.files = files;
      this.tables = tables;
      this.tags = tags;
      this.mappings = mappings;
      this.lateness = lateness;
    }

    @ProcessElement
    public void process(
        @Element FileIO.ReadableFile file,
        @Timestamp org.joda.time.Instant found,
        MultiOutputReceiver out)
        throws java.io.IOException {
      String name = files.name(file.getMetadata().resourceId().toString());
      Table<?> table = tableOf(tables, file.getMetadata().resourceId().getFilename());
      // Read as a stream: counted, hashed and decoded on the way, never held whole.
      try (TextInput text =
          TextInput.open(name, java.nio.channels.Channels.newInputStream(file.open())).countedLive()) {
        long[] late = {0};
        TableFiles.Counts counts = parse(table, name, text.reader(), found.getMillis(), late, out);
        if (late[0] > 0) {
          // A line on the terminal (a TaskManager's log on a cluster), once per file.
          System.err.println(
              "megaphone stream: " + late[0] + " rows of " + name + " are later than"
                  + " --allowedLateness (their week ended too long before the file was found) and"
                  + " were rejected; each is a row in rejects/rejects.csv");
        }
        filesRead.inc();
        LiveCounts.file();
        out.get(FILES)
            .output(
                InputFile.create(
                    table.name(),
                    name,
                    text.bytes(),
                    text.sha256(),
                    counts.rows(),
                    counts.rejected(),
                    "UTF-8",
                    "canonical"));
      }
    }

    @SuppressWarnings("unchecked")
    private <T> TableFiles.Counts parse(
        Table<T> table, String name, java.io.Reader text, long found, long[] late, MultiOutputReceiver out)
        throws java.io.IOException {
      TupleTag<Object> rows = (TupleTag<Object>) tags.get(table.name());
      SerializableFunction<Object, Object> map = mappings.get(table.name());
      return TableFiles.parseWithSources(
          table,
          name,
          text,
          (row, source) -> {
            rowsRead.inc();
            LiveCounts.row();
            Long at = lateness == null ? null : table.eventTime(row);
            String reason = at == null ? null : lateness.tooLate(at, found);
            if (reason == null) {
              out.get(rows).output(map == null ? row : map.apply(row));
            } else {
              out.get(REJECTS).output(source.reject(table.name(), reason));
              rowsRejected.inc();
              LiveCounts.reject();
              rowsTooLate.inc();
              late[0]++;
            }
          },
          r -> {
            out.get(REJECTS).output(r);
            rowsRead.inc();
            rowsRejected.inc();
            LiveCounts.countRow(true);
          });
    }
  }
}
