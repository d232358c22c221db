package org.megaphone.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Watch;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.megaphone.model.Reject;
import org.megaphone.model.SourceRef;
import org.megaphone.model.Wire;
import org.megaphone.rules.Lateness;

/**
 * Reads every table of a dataset folder in one pass over its file listing.
 *
 * <p>Input: the pipeline. Output (bounded): a tuple holding, for each table, its parsed rows
 * ({@link #rows}), plus all rejected rows ({@link #REJECTS}) and one {@link InputFile} per file
 * read ({@link #FILES}). A file belongs to the table whose {@link Table#matches} accepts its name;
 * other files are ignored; no file for a table is fine (the caller checks required ones). A missing
 * required column or an unreadable file fails the pipeline with an {@link InputException}. One
 * listing and one parsing step for all tables keep the graph small, which is what the
 * DirectRunner's per-bundle cost grows with.
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
  private final Duration pollInterval;

  /** Null to watch for ever; else how long without a new file ends the watch. */
  private final Duration stopAfterIdle;

  /** Null to keep every row; else the stream's rule for rows too late to count (rejected). */
  private Lateness lateness;

  /**
   * Rejects, where they are read, the rows the stream's weekly windows could no longer count (too
   * old for --allowedLateness when their file is found), instead of leaving the windows to drop
   * them without a word.
   */
  public ReadTables rejectingLate(Lateness lateness) {
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
   * A reader that keeps watching the folder: every new file is read once, when it appears under its
   * final name (writers should write under another name, then rename). The output is unbounded.
   */
  public static ReadTables watching(String folder, List<Table<?>> tables, Duration pollInterval) {
    return new ReadTables(InputFiles.topLevel(folder), tables, pollInterval, null);
  }

  /**
   * Like {@link #watching}, but the watch ends once no new file has appeared for {@code
   * stopAfterIdle}: the output is then complete, and a stream reading it finishes (a replay of an
   * archive, a benchmark).
   */
  public static ReadTables watchingUntilIdle(
      String folder, List<Table<?>> tables, Duration pollInterval, Duration stopAfterIdle) {
    return new ReadTables(InputFiles.topLevel(folder), tables, pollInterval, stopAfterIdle);
  }

  private ReadTables(
      InputFiles files, List<Table<?>> tables, Duration pollInterval, Duration stopAfterIdle) {
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
        FileIO.match()
            .filepattern(files.pattern())
            .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW);
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
   * table output of its own. Tables sent to one tag reach their consumer as one collection without
   * a Flatten: on Flink's batch translation a Flatten, like each further output of the parsing
   * step, is a task boundary that encodes and decodes every row (runbooks/performance.md).
   */
  @SuppressWarnings("unchecked")
  public <T, O> ReadTables sending(
      Table<T> table, TupleTag<O> tag, Coder<O> coder, SerializableFunction<T, O> map) {
    if (!tables.containsKey(table.name())) {
      throw new IllegalArgumentException("not a table of this reader: " + table.name());
    }
    tags.put(table.name(), tag);
    mappings.put(
        table.name(), (SerializableFunction<Object, Object>) (SerializableFunction<?, ?>) map);
    sharedCoders.put(tag, coder);
    return this;
  }

  /**
   * Uncompressed files of at least twice this size are read in parts of about this size, spread
   * over the workers ({@link FileSplits}); smaller ones, gzip files and files a stream finds are
   * read whole, each by one worker.
   */
  static final long PART_BYTES = 4L << 20;

  @Override
  public PCollectionTuple expand(PBegin input) {
    TupleTagList others = TupleTagList.of(FILES);
    for (TupleTag<?> tag : new LinkedHashSet<>(tags.values())) {
      others = others.and(tag);
    }
    PCollectionTuple parsed;
    if (pollInterval != null) {
      // A stream reads each file it finds whole (its step names are those of its savepoints).
      parsed =
          input
              .apply("MatchFiles", match())
              .apply("KeepTableFiles", Filter.by(new IsTableFile(files, tables)))
              .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED))
              .apply(
                  "ParseRows",
                  ParDo.of(new ParseFileFn(files, tables, tags, mappings, lateness))
                      .withOutputTags(REJECTS, others));
    } else {
      // One pass: the files are listed and their parts planned here, on the driver, and the parts
      // spread over the workers as the elements of a source (a shuffle to spread them waits for
      // every file to be planned and deals them out unevenly: runbooks/performance.md). The
      // tables sent to a shared output (the large ones: posts and views) are parsed by a step of
      // their own, with only those rows, rejects and parts as outputs: on Flink's batch
      // translation each output of a step is a filter that decodes all of the step's output, so
      // every output a small table adds would decode every large row once more.
      List<FilePart> planned = plannedParts();
      List<FilePart> sentParts = new ArrayList<>();
      List<FilePart> ownParts = new ArrayList<>();
      for (FilePart part : planned) {
        (mappings.containsKey(part.table()) ? sentParts : ownParts).add(part);
      }
      Set<TupleTag<?>> ownTags = new LinkedHashSet<>();
      Set<TupleTag<?>> sentTags = new LinkedHashSet<>();
      for (Map.Entry<String, TupleTag<?>> t : tags.entrySet()) {
        (mappings.containsKey(t.getKey()) ? sentTags : ownTags).add(t.getValue());
      }
      PCollectionTuple own = parseParts(input, "PlanParts", "ParseRows", ownParts, ownTags);
      PCollectionTuple sent =
          parseParts(input, "PlanSentParts", "ParseSentRows", sentParts, sentTags);
      PCollection<InputFile> merged =
          PCollectionList.of(own.get(PARTS))
              .and(sent.get(PARTS))
              .apply("FlattenParts", Flatten.pCollections())
              .setCoder(FilePart.WireCoder.INSTANCE)
              .apply(
                  "KeyPartsByFile",
                  WithKeys.of(FilePart::resource).withKeyType(TypeDescriptors.strings()))
              .apply("GroupPartsByFile", GroupByKey.create())
              .apply("MergeParts", ParDo.of(new MergePartsFn(tables)));
      PCollection<Reject> rejects =
          PCollectionList.of(own.get(REJECTS))
              .and(sent.get(REJECTS).setCoder(Reject.WireCoder.INSTANCE))
              .apply("FlattenRejects", Flatten.pCollections());
      parsed = PCollectionTuple.of(FILES, merged).and(REJECTS, rejects);
      for (TupleTag<?> tag : ownTags) {
        parsed = and(parsed, tag, own.get(tag));
      }
      for (TupleTag<?> tag : sentTags) {
        parsed = and(parsed, tag, sent.get(tag));
      }
    }
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

  /** Parses the given parts in a step whose outputs are their rejects, parts and {@code rows}. */
  private PCollectionTuple parseParts(
      PBegin input,
      String planName,
      String parseName,
      List<FilePart> parts,
      Set<TupleTag<?>> rows) {
    TupleTagList outputs = TupleTagList.of(PARTS);
    for (TupleTag<?> tag : rows) {
      outputs = outputs.and(tag);
    }
    PCollectionTuple read =
        input
            .apply(planName, Create.of(parts).withCoder(FilePart.WireCoder.INSTANCE))
            .apply(
                parseName,
                ParDo.of(new ParsePartFn(tables, tags, mappings)).withOutputTags(REJECTS, outputs));
    read.get(PARTS).setCoder(FilePart.WireCoder.INSTANCE);
    read.get(REJECTS).setCoder(Reject.WireCoder.INSTANCE);
    return read;
  }

  /** The parts of the files read, with what each counted (then merged per file into FILES). */
  private static final TupleTag<FilePart> PARTS = new TupleTag<>() {};

  @SuppressWarnings("unchecked")
  private static <T> PCollectionTuple and(
      PCollectionTuple tuple, TupleTag<T> tag, PCollection<?> rows) {
    return tuple.and(tag, (PCollection<T>) rows);
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

    @Override
    public Boolean apply(MatchResult.Metadata file) {
      return !file.resourceId().isDirectory()
          && files.accepts(file.resourceId().toString())
          && files.insideInput(file.resourceId().toString())
          && tableOf(tables, file.resourceId().getFilename()) != null;
    }
  }

  /** Hands a table's parsed rows and rejects to the step's outputs, counted. */
  private abstract static class RowsFn<InputT> extends DoFn<InputT, Reject> {
    // Read live by the driver's progress lines (pipelines/Progress).
    final Counter filesRead = Metrics.counter(ReadTables.class, "files");
    private final Counter rowsRead = Metrics.counter(ReadTables.class, "rows");
    private final Counter rowsRejected = Metrics.counter(ReadTables.class, "rejects");
    private final Counter rowsTooLate = Metrics.counter(ReadTables.class, "tooLate");
    final Map<String, Table<?>> tables;
    private final Map<String, TupleTag<?>> tags;
    private final Map<String, SerializableFunction<Object, Object>> mappings;
    private final Lateness lateness;

    RowsFn(
        Map<String, Table<?>> tables,
        Map<String, TupleTag<?>> tags,
        Map<String, SerializableFunction<Object, Object>> mappings,
        Lateness lateness) {
      this.tables = tables;
      this.tags = tags;
      this.mappings = mappings;
      this.lateness = lateness;
    }

    /** Where a good row goes: its table's output, or (too late for the stream) the rejects. */
    @SuppressWarnings("unchecked")
    <T> BiConsumer<T, SourceRef> rows(
        Table<T> table, long found, long[] late, MultiOutputReceiver out) {
      TupleTag<Object> rows = (TupleTag<Object>) tags.get(table.name());
      SerializableFunction<Object, Object> map = mappings.get(table.name());
      return (row, source) -> {
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
      };
    }

    /** Where a rejected row goes. */
    Consumer<Reject> rejects(MultiOutputReceiver out) {
      return r -> {
        out.get(REJECTS).output(r);
        rowsRead.inc();
        rowsRejected.inc();
        LiveCounts.countRow(true);
      };
    }
  }

  /** Reads each file a stream finds, whole. */
  private static final class ParseFileFn extends RowsFn<FileIO.ReadableFile> {
    private final InputFiles files;

    ParseFileFn(
        InputFiles files,
        Map<String, Table<?>> tables,
        Map<String, TupleTag<?>> tags,
        Map<String, SerializableFunction<Object, Object>> mappings,
        Lateness lateness) {
      super(tables, tags, mappings, lateness);
      this.files = files;
    }

    @ProcessElement
    public void process(
        @Element FileIO.ReadableFile file, @Timestamp Instant found, MultiOutputReceiver out)
        throws IOException {
      String name = files.name(file.getMetadata().resourceId().toString());
      Table<?> table = tableOf(tables, file.getMetadata().resourceId().getFilename());
      // Read as a stream: counted, hashed and decoded on the way, never held whole.
      try (TextInput text =
          TextInput.open(name, Channels.newInputStream(file.open())).countedLive()) {
        long[] late = {0};
        TableFiles.PartCounts counts =
            parse(table, name, text.reader(), found.getMillis(), late, out);
        if (late[0] > 0) {
          // A line on the terminal (a TaskManager's log on a cluster), once per file.
          System.err.println(
              "megaphone stream: "
                  + late[0]
                  + " rows of "
                  + name
                  + " are later than"
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

    private <T> TableFiles.PartCounts parse(
        Table<T> table, String name, Reader text, long found, long[] late, MultiOutputReceiver out)
        throws IOException {
      return TableFiles.parseFirstPart(
          table, name, text, rows(table, found, late, out), rejects(out));
    }
  }

  /**
   * The parts of every table file of a one-pass read, in the listing's order: each file whole, or,
   * when large and uncompressed, in parts ({@link FileSplits}).
   */
  private List<FilePart> plannedParts() {
    List<MatchResult.Metadata> matched = new ArrayList<>();
    try {
      MatchResult result = FileSystems.match(files.pattern(), EmptyMatchTreatment.ALLOW);
      if (result.status() == MatchResult.Status.OK) {
        matched.addAll(result.metadata());
      }
    } catch (IOException e) {
      throw new InputException(files.pattern() + ": cannot be listed: " + e.getMessage(), e);
    }
    matched.sort(Comparator.comparing(m -> m.resourceId().toString()));
    IsTableFile isTable = new IsTableFile(files, tables);
    List<FilePart> parts = new ArrayList<>();
    for (MatchResult.Metadata file : matched) {
      if (!isTable.apply(file)) {
        continue;
      }
      String resource = file.resourceId().toString();
      String name = files.name(resource);
      String table = tableOf(tables, file.resourceId().getFilename()).name();
      FileSplits.Plan plan;
      try {
        plan =
            resource.endsWith(".gz") || file.sizeBytes() < 2 * PART_BYTES
                ? null
                : plan(resource, name);
      } catch (IOException e) {
        plan = null; // read whole: the error is reported as reading it whole reports it
      }
      if (plan == null || plan.splits().size() < 2) {
        parts.add(
            new FilePart(table, resource, name, 0, 1, 0, -1, 1, -1, "", 0, 0, 0, Long.MIN_VALUE));
        continue;
      }
      List<FileSplits.Split> splits = plan.splits();
      for (int i = 0; i < splits.size(); i++) {
        FileSplits.Split s = splits.get(i);
        parts.add(
            new FilePart(
                table,
                resource,
                name,
                i,
                splits.size(),
                s.start(),
                s.end(),
                s.firstLine(),
                plan.bytes(),
                plan.sha256(),
                0,
                0,
                0,
                Long.MIN_VALUE));
      }
    }
    return parts;
  }

  /** The file's parts, or null to read it whole (a file whose start cannot be read as text). */
  private static FileSplits.Plan plan(String resource, String name) throws IOException {
    TableFiles.Head head;
    try (TextInput text = TextInput.open(name, openAt(resource, 0))) {
      head = TableFiles.head(text.reader());
    } catch (InputException e) {
      return null;
    }
    if (head.header() == null) {
      return null;
    }
    try (InputStream in = openAt(resource, 0)) {
      return FileSplits.plan(in, head.delimiter(), PART_BYTES, TableFiles.NOT_A_TABLE_AFTER);
    }
  }

  /** A file's bytes from {@code start}. */
  static InputStream openAt(String resource, long start) throws IOException {
    ReadableByteChannel channel = FileSystems.open(FileSystems.matchNewResource(resource, false));
    InputStream in = Channels.newInputStream(channel);
    if (start > 0) {
      if (channel instanceof SeekableByteChannel seekable) {
        seekable.position(start);
      } else {
        in.skipNBytes(start);
      }
    }
    return in;
  }

  /** At most {@code limit} bytes of a stream. */
  private static InputStream limited(InputStream in, long limit) {
    return new FilterInputStream(in) {
      private long left = limit;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = super.read();
        if (b >= 0) {
          left--;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }
    };
  }

  /** Reads one part of a file (or a whole file) into its table's rows and the rejects. */
  private static final class ParsePartFn extends RowsFn<FilePart> {
    ParsePartFn(
        Map<String, Table<?>> tables,
        Map<String, TupleTag<?>> tags,
        Map<String, SerializableFunction<Object, Object>> mappings) {
      super(tables, tags, mappings, null);
    }

    @ProcessElement
    public void process(@Element FilePart part, MultiOutputReceiver out) throws IOException {
      Table<?> table = tables.get(part.table());
      try {
        out.get(PARTS).output(parse(table, part, out));
      } catch (InputException e) {
        throw part.index() == 0 ? e : wholeFileError(table, part, e);
      }
      if (part.index() == 0) {
        filesRead.inc();
        LiveCounts.file();
      }
    }

    private <T> FilePart parse(Table<T> table, FilePart part, MultiOutputReceiver out)
        throws IOException {
      long[] late = {0};
      var rows = rows(table, 0, late, out);
      if (part.index() == 0) {
        // Read as a stream (the file whole, or its first part): decoded on the way, never held
        // whole; a file read whole is counted and hashed by its reader, a cut one was when planned.
        boolean whole = part.end() < 0;
        InputStream bytes =
            whole ? openAt(part.resource(), 0) : limited(openAt(part.resource(), 0), part.end());
        try (TextInput text = TextInput.open(part.name(), bytes).countedLive()) {
          TableFiles.PartCounts counts =
              TableFiles.parseFirstPart(table, part.name(), text.reader(), rows, rejects(out));
          return whole
              ? part.read(text.bytes(), text.sha256(), counts)
              : part.read(part.bytes(), part.sha256(), counts);
        }
      }
      InputStream bytes = limited(openAt(part.resource(), part.start()), part.end() - part.start());
      TableFiles.Head head;
      try (TextInput start = TextInput.open(part.name(), openAt(part.resource(), 0))) {
        head = TableFiles.head(start.reader());
      }
      try (TextInput text = TextInput.openPart(part.name(), bytes).countedLive()) {
        return part.read(
            part.bytes(),
            part.sha256(),
            TableFiles.parseLaterPart(
                table, part.name(), text.reader(), head, part.firstLine(), rows, rejects(out)));
      }
    }
  }

  /**
   * The error that reading a file whole stops at, for a file whose later part failed (or whose
   * parts' counts say that D6's rule holds): the error a part sees is one of the file's, but its
   * message would give places in the part, and reading whole reports the file's first error.
   */
  static InputException wholeFileError(Table<?> table, FilePart part, InputException seen) {
    try (TextInput text = TextInput.open(part.name(), openAt(part.resource(), 0))) {
      TableFiles.parse(table, part.name(), text.reader(), r -> {}, r -> {});
    } catch (InputException e) {
      return e;
    } catch (IOException e) {
      return new InputException(part.name() + ": cannot be read: " + e.getMessage(), e);
    }
    return seen;
  }

  /** Merges each file's parts into its {@link InputFile}, checking D6's rule across them. */
  private static final class MergePartsFn extends DoFn<KV<String, Iterable<FilePart>>, InputFile> {
    private final Map<String, Table<?>> tables;

    MergePartsFn(Map<String, Table<?>> tables) {
      this.tables = tables;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<FilePart>> file, OutputReceiver<InputFile> out) {
      List<FilePart> parts = new ArrayList<>();
      file.getValue().forEach(parts::add);
      parts.sort(Comparator.comparingInt(FilePart::index));
      if (parts.size() != parts.get(0).count()) {
        throw new IllegalStateException(
            file.getKey()
                + ": "
                + parts.size()
                + " of its "
                + parts.get(0).count()
                + " parts were read");
      }
      if (FilePart.notATable(parts)) {
        throw wholeFileError(
            tables.get(parts.get(0).table()),
            parts.get(0),
            new InputException(
                parts.get(0).name()
                    + ": 90% or more of its records are malformed CSV: this is not a "
                    + parts.get(0).table()
                    + " table"));
      }
      out.output(FilePart.merge(parts));
    }
  }
}
