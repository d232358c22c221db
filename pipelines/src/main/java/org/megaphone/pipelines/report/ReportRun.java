package org.megaphone.pipelines.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.megaphone.attribution.Roster;
import org.megaphone.model.Stats;
import org.megaphone.pipelines.config.ContentConfiguration;
import org.megaphone.pipelines.config.JobConfiguration;
import org.megaphone.pipelines.options.ReportOptions;
import org.megaphone.pipelines.options.RuleOptions;
import org.megaphone.pipelines.options.Runners;
import org.megaphone.pipelines.options.StoreOptions;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.pipelines.run.Progress;
import org.megaphone.pipelines.run.RunFailedException;
import org.megaphone.read.CsvRecords;
import org.megaphone.read.InputException;
import org.megaphone.read.InputFiles;
import org.megaphone.read.Locations;
import org.megaphone.read.RealPaths;
import org.megaphone.read.Table;
import org.megaphone.read.Tables;
import org.megaphone.read.exports.Profiles;
import org.megaphone.read.exports.ReadExports;
import org.megaphone.reports.Report;
import org.megaphone.write.html.HtmlReport;

/**
 * Runs the report job the way a user can trust: checks the options, runs the pipeline into a
 * staging folder inside --output, checks the reject ratios and the conservation sums, writes
 * summary.json and only then moves the reports into place. A failed run leaves --output as it was.
 */
public final class ReportRun {
  public static final String SUMMARY = "summary.json";
  private static final String DIRECT_RUNNER = "org.apache.beam.runners.direct.DirectRunner";

  private ReportRun() {}

  /**
   * What a successful run produced.
   *
   * @param location the report folder: a local path, or in a store the run's folder that the store
   *     folder's {@link StoreFolder#POINTER} now names
   */
  public record Result(String location, RunSummary summary) {
    /** The local report folder (a run into a store has none). */
    public Path output() {
      if (Locations.isRemote(location)) {
        throw new IllegalStateException(location + " is in a store, not a local folder");
      }
      return Paths.get(location);
    }
  }

  /**
   * Runs the report the options describe, with no progress lines.
   *
   * @throws UsageException when an option is missing or malformed
   * @throws RunFailedException when the input cannot be used or the counts do not add up
   */
  public static Result run(ReportOptions options) {
    return run(options, List.of(), Progress.OFF);
  }

  /**
   * As {@link #run(ReportOptions)}, never reading input files below the given folders either, and
   * telling the progress what it is doing.
   */
  public static Result run(ReportOptions options, List<String> alsoExcluded, Progress progress) {
    return run(options, alsoExcluded, progress, UnaryOperator.identity());
  }

  /**
   * As above, with summary.json completed by {@code finish} before it is written (the weekly job's
   * week and folder).
   */
  public static Result run(
      ReportOptions options,
      List<String> alsoExcluded,
      Progress progress,
      UnaryOperator<RunSummary> finish) {
    StoreOptions.register(
        options,
        StoreOptions.anyInStore(
            options.getInput(), options.getOutput(), options.getThemes(), options.getSaltFile()));
    InputFiles files = ReportPipeline.input(options, alsoExcluded);
    Checked checked = checkOptions(options, files);
    String input = checked.input();
    boolean toStore = Locations.isRemote(options.getOutput());
    String output =
        toStore ? Locations.folder(options.getOutput()) : Paths.get(options.getOutput()).toString();
    long started = System.currentTimeMillis();
    Path staging;
    // A local folder is locked and replaced by renames; a store's folder by a pointer (D43).
    OutputFolder folder = toStore ? null : OutputFolder.lock(Paths.get(output), ownFiles());
    StoreFolder store = toStore ? StoreFolder.newRun(output) : null;
    try {
      staging = toStore ? Files.createTempDirectory("megaphone-staging-") : folder.newStaging();
    } catch (IOException e) {
      if (folder != null) {
        folder.close();
      }
      throw new RunFailedException(
          "cannot create output folder " + output + ": " + e.getMessage(), e);
    }
    try {
      ContentConfiguration content;
      try {
        content = ContentConfiguration.read(files, options.getThemes());
      } catch (InputException e) {
        throw new RunFailedException(e.getMessage(), e);
      }
      Pipeline pipeline = Pipeline.create(options);
      try {
        // The roster, campaigns and overrides are read here (JobConfiguration): an invalid roster
        // stops the run now.
        ReportPipeline.build(
            pipeline,
            options,
            toStore ? store.work() : staging.toString(),
            files,
            content.content());
      } catch (InputException e) {
        throw new RunFailedException(e.getMessage(), e);
      }
      String runner = options.getRunner().getSimpleName();
      // The DirectRunner can return at once and report its counters while it works. The
      // FlinkRunner could too (detached), but then a failed job loses its cause, so it stays
      // attached and the progress lines say only how long it has been running.
      boolean live = options.getRunner().getName().equals(DIRECT_RUNNER);
      if (live && progress != Progress.OFF) {
        options.as(DirectOptions.class).setBlockOnRun(false);
      }
      if (Runners.onFlink(options)) {
        // Flink's batch groups are read once unless asked. CreditViews' former CoGroupByKey read a
        // shard twice and failed without this ("GBK result is not re-iterable"); no step reads a
        // group twice now, and the option costs nothing for those that read it once.
        options.as(FlinkPipelineOptions.class).setReIterableGroupByKeyResult(true);
      }
      progress.stage(
          "reading " + options.getInput() + ", attributing and aggregating on " + runner);
      progress.expect(
          checked.files(),
          checked.bytes(),
          !Runners.onFlink(options) || Runners.embeddedFlink(options));
      PipelineResult.State state;
      try {
        state = progress.run(pipeline::run, runner, live);
      } catch (RuntimeException e) {
        throw explain(e);
      }
      if (state != PipelineResult.State.DONE) {
        throw new RunFailedException("pipeline ended in state " + state);
      }
      if (toStore) {
        // The workers wrote to the store; the driver finishes the files on its own disk.
        store.download(staging);
      }
      progress.stage("checking reject ratios and conservation sums");
      RunStats stats = RunStats.read(staging);
      // The lexicon and claims files were read by the driver: inputs all the same.
      stats.files.addAll(content.files());
      for (String link : checked.outsideLinks()) {
        stats.warnings().add("input link " + link + " leads outside --input and was not followed");
      }
      checkRejectRatios(stats, options.getMaxRejectRatio(), staging);
      List<String> failures = stats.conservationFailures();
      // Pseudonymise before cutting weeks: identifiers seen in any week are replaced in every
      // reason.
      if (options.getPseudonymise()) {
        Roster roster =
            Roster.of(JobConfiguration.rows(files, Tables.accounts(), new ArrayList<>()));
        new Pseudonymise(Pseudonymise.salt(options.getSaltFile()), roster).apply(staging);
      }
      WeekRange range =
          WeekRange.parse(options.getFrom(), options.getTo(), ZoneId.of(options.getTimezone()));
      Map<String, Long> rowsInRange =
          range == null ? null : keepWeeks(range, staging, ZoneId.of(options.getTimezone()));
      progress.stage("writing " + HtmlReport.FILE);
      HtmlReport.write(staging, htmlRun(options), quality(stats));
      ReportFormat.write(staging, options.getFormat());
      RunSummary summary =
          Summary.of(
              options,
              input,
              output,
              staging,
              stats,
              failures,
              started,
              System.currentTimeMillis());
      if (range != null) {
        // The checks above ran on everything; the files now hold the weeks asked for.
        summary =
            summary.withWeeks(
                new RunSummary.Weeks(range.from(), range.to()),
                Summary.outputs(staging, Summary.outputFiles(rowsInRange, options.getFormat())));
      }
      if (!failures.isEmpty()) {
        throw new RunFailedException("conservation check failed: " + String.join("; ", failures));
      }
      summary = finish.apply(summary);
      Summary.write(staging.resolve(SUMMARY), summary);
      progress.stage("publishing the reports in " + output);
      keepOnlyPublished(staging, options.getFormat());
      if (toStore) {
        store.publish(staging, published(options.getFormat()));
        return new Result(store.runFolder(), summary);
      }
      folder.publish(staging);
      return new Result(output, summary);
    } catch (IOException | UncheckedIOException e) {
      throw new RunFailedException("cannot read or write run files: " + e.getMessage(), e);
    } finally {
      try {
        deleteRecursively(staging);
      } finally {
        if (toStore) {
          store.cleanUp();
        } else {
          folder.close();
        }
      }
    }
  }

  private static HtmlReport.Run htmlRun(ReportOptions options) {
    return new HtmlReport.Run(
        title(options),
        options.getTimezone(),
        ReportFormat.fileName(Report.REJECTS.file(), options.getFormat()));
  }

  /**
   * The page's title: --title, else the input folder's name (not its path, which differs between
   * machines). summary.json records it, so a rerun from a moved or renamed archive keeps it.
   */
  static String title(ReportOptions options) {
    if (!options.getTitle().isEmpty()) {
      return options.getTitle();
    }
    String root = InputFiles.of(options.getInput()).root();
    if (Locations.isRemote(root)) {
      return Locations.fileName(root);
    }
    Path path = Paths.get(root);
    return path.getFileName() == null ? path.toString() : path.getFileName().toString();
  }

  /** The data-quality counts of the page; like summary.json's, they are of the whole input. */
  private static HtmlReport.Quality quality(RunStats stats) {
    List<HtmlReport.TableCounts> tables = new ArrayList<>();
    for (String t : RunStats.TABLES) {
      tables.add(
          new HtmlReport.TableCounts(
              t,
              stats.table(t, Stats.READ),
              stats.table(t, Stats.ACCEPTED),
              stats.table(t, Stats.REJECTED),
              stats.table(t, Stats.DUPLICATES)));
    }
    return new HtmlReport.Quality(
        tables,
        stats.get(Stats.ORPHAN_POSTS),
        stats.get(Stats.ORPHAN_SNAPSHOTS),
        stats.get(Stats.ORPHAN_VIEWS));
  }

  /** An output folder that contains the input would hide every input file: refused. */
  public static void checkOutputAroundInput(String input, String output) {
    boolean around;
    if (Locations.isRemote(input) || Locations.isRemote(output)) {
      // A store's prefixes have no links; a local folder is never around a store's.
      around =
          Locations.isRemote(input) == Locations.isRemote(output)
              && (InputFiles.of(input).root() + "/").startsWith(Locations.folder(output) + "/");
    } else {
      // Links resolved: an output that is a link to the input (or around it) is around it.
      around = RealPaths.of(InputFiles.of(input).root()).startsWith(RealPaths.of(output));
    }
    if (around) {
      throw new UsageException(
          "--output="
              + output
              + " contains --input="
              + input
              + ": write the reports next to the data or inside it, not around it");
    }
  }

  /** The checked input: the folder file names are relative to, and the links not followed. */
  private record Checked(String input, List<String> outsideLinks, long files, long bytes) {}

  /** Checks the options and lists the run's input. */
  private static Checked checkOptions(ReportOptions options, InputFiles files) {
    boolean glob = InputFiles.isGlob(options.getInput());
    boolean fromStore = Locations.isRemote(options.getInput());
    String input = glob || fromStore ? files.root() : Paths.get(options.getInput()).toString();
    // A store has no folders: a prefix without objects is found by the listing below.
    if (!fromStore && !Files.isDirectory(Paths.get(input))) {
      throw new UsageException(
          "--input="
              + options.getInput()
              + (glob ? ": its folder " + input + " does not exist" : ": no such folder"));
    }
    try {
      ZoneId.of(options.getTimezone());
    } catch (DateTimeException e) {
      throw new UsageException(
          "--timezone="
              + options.getTimezone()
              + ": not an IANA time zone (e.g. Europe/Helsinki, UTC)");
    }
    WeekRange.parse(options.getFrom(), options.getTo(), ZoneId.of(options.getTimezone()));
    checkOutputAroundInput(options.getInput(), options.getOutput());
    if (options.getPseudonymise()) {
      Pseudonymise.salt(options.getSaltFile());
    }
    if (!ReportFormat.FORMATS.contains(options.getFormat())) {
      throw new UsageException("--format=" + options.getFormat() + ": use csv or jsonl");
    }
    try {
      if (Duration.parse(options.getBulletinWindow()).isNegative()) {
        throw new UsageException("--bulletinWindow must not be negative");
      }
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "--bulletinWindow="
              + options.getBulletinWindow()
              + ": not an ISO-8601 duration (e.g. P7D, PT36H)");
    }
    Double ratio = options.getMaxRejectRatio();
    if (ratio == null || ratio < 0 || ratio > 1) {
      throw new UsageException("--maxRejectRatio must be between 0 and 1 (e.g. 0.05)");
    }
    if (!options.getProfile().isEmpty() && Profiles.named(options.getProfile()) == null) {
      throw new UsageException(
          "--profile="
              + options.getProfile()
              + ": no such profile; profiles: "
              + String.join(", ", Profiles.names()));
    }
    RuleOptions.checkBaselinePosts(options);
    if (options.getShards() == null || options.getShards() < 1) {
      throw new UsageException("--shards must be a positive number (e.g. 64)");
    }
    List<Locations.Entry> listed;
    try {
      listed = files.list();
    } catch (IOException e) {
      throw new RunFailedException(
          "cannot list input " + options.getInput() + ": " + e.getMessage(), e);
    }
    // exports/ is listed once: whether it is there, and what the pipeline will read of it.
    List<Locations.Entry> exported;
    try {
      exported = exportFiles(input, fromStore);
    } catch (IOException e) {
      exported = null; // the pipeline says what it cannot read
    }
    boolean exports =
        fromStore
            ? exported != null && !exported.isEmpty()
            : Files.isDirectory(Paths.get(input, ReadExports.FOLDER));
    if (fromStore && listed.isEmpty() && !exports) {
      // A mistyped prefix: a usage error, which a scheduler does not retry.
      throw new UsageException("--input=" + options.getInput() + ": no objects below this prefix");
    }
    if (!hasTableFile(listed, "accounts")) {
      throw new RunFailedException(
          "input "
              + options.getInput()
              + " has no accounts*.csv or accounts*.csv.gz file (required: the roster)"
              + nearMisses(topLevelNames(input, fromStore, listed), "accounts"));
    }
    if (!hasTableFile(listed, "posts") && !exports) {
      throw new RunFailedException(
          "input "
              + input
              + " has no posts*.csv or posts*.csv.gz file and no exports/ folder (posts are required)"
              + nearMisses(topLevelNames(input, fromStore, listed), "posts"));
    }
    // What the pipeline's read steps will read, for the progress lines' share and time left:
    // the table files (not READMEs, claims or the lexicon, which the driver reads) and exports.
    long bytes = 0;
    long count = 0;
    for (Locations.Entry f : listed) {
      if (RunStats.TABLES.stream().anyMatch(t -> Table.isFileOf(t, f.fileName()))) {
        bytes += f.bytes();
        count++;
      }
    }
    if (exported == null) {
      bytes = 0; // the share read is then not shown; the run itself says what it cannot read
    } else {
      for (Locations.Entry f : exported) {
        if (ReadExports.isExportName(f.fileName())) {
          bytes += f.bytes();
          count++;
        }
      }
    }
    return new Checked(input, List.copyOf(files.outsideLinks()), count, bytes);
  }

  private static boolean hasTableFile(List<Locations.Entry> listed, String table) {
    for (Locations.Entry f : listed) {
      if (Table.isFileOf(table, f.fileName())) {
        return true;
      }
    }
    return false;
  }

  /** The files below the input's exports/ folder. */
  private static List<Locations.Entry> exportFiles(String input, boolean fromStore)
      throws IOException {
    if (fromStore) {
      return Locations.listRemote(Locations.resolve(input, ReadExports.FOLDER));
    }
    Path exports = Paths.get(input, ReadExports.FOLDER);
    if (!Files.isDirectory(exports)) {
      return List.of();
    }
    List<Locations.Entry> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(exports)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        files.add(
            new Locations.Entry(f.toString(), exports.relativize(f).toString(), Files.size(f)));
      }
    }
    return files;
  }

  /** The names of the files directly in the input's folder (for a store, those listed). */
  private static List<String> topLevelNames(
      String input, boolean fromStore, List<Locations.Entry> listed) {
    if (fromStore) {
      return listed.stream()
          .filter(f -> !f.name().contains("/"))
          .map(Locations.Entry::fileName)
          .toList();
    }
    try (Stream<Path> entries = Files.list(Paths.get(input))) {
      return entries.map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * Files directly in the folder whose names a table's rule would take but for case or surrounding
   * spaces ({@code POSTS.csv}, {@code posts.csv }), for the message that no file was found.
   */
  static String nearMisses(List<String> names, String table) {
    List<String> near = new ArrayList<>();
    for (String name : names) {
      String folded = name.strip().toLowerCase(Locale.ROOT);
      if (!Table.isFileOf(table, name) && Table.isFileOf(table, folded)) {
        near.add("'" + name + "'");
      }
    }
    near.sort(null);
    return near.isEmpty()
        ? ""
        : "; "
            + String.join(", ", near)
            + (near.size() > 1 ? " are" : " is")
            + " not read: names are case-sensitive and may not end in spaces (rename to "
            + table
            + ".csv)";
  }

  private static void checkRejectRatios(RunStats stats, double maxRatio, Path staging)
      throws IOException {
    List<String> failures = new ArrayList<>();
    for (String table : RunStats.TABLES) {
      long read = stats.table(table, Stats.READ);
      long rejected = stats.table(table, Stats.REJECTED);
      if (read > 0 && (double) rejected / read > maxRatio) {
        failures.add(
            String.format(
                Locale.ROOT,
                "%s: %d of %d rows rejected (%.1f%% > --maxRejectRatio=%s)",
                table,
                rejected,
                read,
                100.0 * rejected / read,
                maxRatio));
      }
    }
    if (!failures.isEmpty()) {
      throw new RunFailedException(
          "too many rejected rows: "
              + String.join("; ", failures)
              + ". First reasons: "
              + String.join(" | ", firstRejectReasons(staging, 5)));
    }
  }

  private static List<String> firstRejectReasons(Path staging, int max) throws IOException {
    List<String> reasons = new ArrayList<>();
    List<CsvRecords.CsvRecord> records =
        CsvRecords.parse(Files.readString(staging.resolve(Report.REJECTS.file())), ',');
    for (int i = 1; i < records.size() && reasons.size() < max; i++) {
      List<String> f = records.get(i).fields;
      reasons.add(f.get(0) + " line " + f.get(1) + ": " + f.get(3));
    }
    return reasons;
  }

  /** Restricts every report in the folder to the range; returns the rows kept per report. */
  private static Map<String, Long> keepWeeks(WeekRange range, Path folder, ZoneId zone)
      throws IOException {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Report report : Report.ALL) {
      Path all = folder.resolve(report.file());
      Path kept = folder.resolve("." + report.file() + ".weeks");
      rows.put(report.file(), range.keep(all, kept, report, zone));
      Files.move(kept, all, StandardCopyOption.REPLACE_EXISTING);
    }
    return rows;
  }

  /** What a run publishes: the reports in its format, the page and the summary. */
  private static List<String> published(String format) {
    List<String> files = new ArrayList<>();
    for (String report : Report.files()) {
      files.add(ReportFormat.fileName(report, format));
    }
    files.add(HtmlReport.FILE);
    files.add(SUMMARY);
    return files;
  }

  /** What a report folder may hold: what a run of any format publishes. */
  static Set<String> ownFiles() {
    Set<String> own = new HashSet<>();
    for (String format : ReportFormat.FORMATS) {
      own.addAll(published(format));
    }
    return own;
  }

  /**
   * Removes the run's own working files (counts, temporary files) before the folder is published.
   */
  private static void keepOnlyPublished(Path staging, String format) throws IOException {
    List<String> keep = published(format);
    try (Stream<Path> entries = Files.list(staging)) {
      for (Path p : entries.toList()) {
        if (!keep.contains(p.getFileName().toString())) {
          deleteRecursively(p);
        }
      }
    }
  }

  /** Turns a pipeline failure into the message a user can act on. */
  public static RunFailedException explain(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputException || t.toString().startsWith(InputException.class.getName())) {
        String message = t.getMessage();
        String prefix = InputException.class.getName() + ": ";
        if (message != null && message.startsWith(prefix)) {
          message = message.substring(prefix.length());
        }
        return new RunFailedException(message, e);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ArithmeticException
          || t.toString().startsWith(ArithmeticException.class.getName())) {
        return new RunFailedException(
            "a sum of the input's counts does not fit in 64 bits ("
                + t.getMessage()
                + "): the run cannot compute its totals exactly, so it publishes none",
            e);
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new RunFailedException("pipeline failed: " + root, e);
  }

  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ReportRun::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the one-screen summary of a finished run. */
  public static void print(Result result, PrintStream out) {
    Summary.print(result.summary(), result.location(), out);
  }
}
