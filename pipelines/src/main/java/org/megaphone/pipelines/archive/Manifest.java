package org.megaphone.pipelines.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.pipelines.report.ReportRun;
import org.megaphone.pipelines.report.RunStats;
import org.megaphone.pipelines.report.RunSummary;
import org.megaphone.pipelines.report.StoreFolder;
import org.megaphone.pipelines.report.Summary;
import org.megaphone.read.CsvRecords;
import org.megaphone.read.InputFiles;
import org.megaphone.read.Locations;
import org.megaphone.read.Table;
import org.megaphone.read.TableFiles;
import org.megaphone.reports.Report;

/**
 * A run's summary.json read as a manifest: the input files and output files with their SHA-256, and
 * the options. {@code megaphone verify} checks the files against it; {@code megaphone rerun} runs
 * again with its options and compares the new outputs with it.
 */
public final class Manifest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where summary.json is: a local path, or an object in a store. */
  private final String file;

  private final RunSummary summary;

  /** Fields of an edited summary.json that had a value of the wrong type (read as missing). */
  private final List<String> problems;

  /** Options it records that this version does not know. */
  private final List<String> unknownOptions;

  private Manifest(
      String file, RunSummary summary, List<String> problems, List<String> unknownOptions) {
    this.file = file;
    this.summary = summary;
    this.problems = problems;
    this.unknownOptions = unknownOptions;
  }

  /**
   * Reads a summary.json: a local file, an object in a store, or a store's report folder (its
   * published run's, through {@link StoreFolder#POINTER}).
   */
  public static Manifest read(String path) {
    if (path == null || path.isEmpty()) {
      throw new UsageException(
          "--manifest=FILE is required (a summary.json written by report or weekly)");
    }
    try {
      String file = path;
      if (Locations.isRemote(path) && !path.endsWith(".json")) {
        String run = StoreFolder.current(path);
        if (run == null) {
          throw new UsageException(
              path + " holds no published run (no " + StoreFolder.POINTER + " object)");
        }
        file = Locations.resolve(run, ReportRun.SUMMARY);
      }
      List<String> problems = new ArrayList<>();
      List<String> unknownOptions = new ArrayList<>();
      RunSummary summary = Summary.readLeniently(Locations.read(file), problems, unknownOptions);
      if (summary.inputs() == null || summary.outputs() == null || summary.options() == null) {
        throw new UsageException(
            path + " is not a Megaphone summary.json (no inputs, outputs or options)");
      }
      return new Manifest(file, summary, problems, unknownOptions);
    } catch (IOException e) {
      throw new UsageException("cannot read the manifest " + path + ": " + e.getMessage());
    }
  }

  public String command() {
    return summary.command() == null ? "report" : summary.command();
  }

  public String week() {
    return summary.week();
  }

  /** The folder the inputs were read from, as recorded (relative to where that run started). */
  String inputFolder() {
    return summary.inputs().folder() == null ? "" : summary.inputs().folder();
  }

  /**
   * Input path (relative to the input folder) to its SHA-256; a file feeding two tables is listed
   * once.
   */
  Map<String, String> inputs() {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (RunSummary.InputFileEntry f : listOrEmpty(summary.inputs().files())) {
      if (f != null && f.path() != null) {
        inputs.put(f.path(), f.sha256() == null ? "" : f.sha256());
      }
    }
    return inputs;
  }

  /** Output file name to its SHA-256; the files sit next to the manifest. */
  public Map<String, String> outputs() {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (RunSummary.Output o : summary.outputs()) {
      if (o != null && o.file() != null) {
        outputs.put(o.file(), o.sha256() == null ? "" : o.sha256());
      }
    }
    return outputs;
  }

  /** The folder of summary.json, where the outputs are. */
  String outputFolder() {
    if (Locations.isRemote(file)) {
      return Locations.parent(file);
    }
    return Paths.get(file).toAbsolutePath().getParent().toString();
  }

  /**
   * The report folder the outputs belong to, kept out of the input listing: a store's run folder
   * ({@code <output>/runs/<run>/}) belongs to its {@code <output>}.
   */
  private String reportFolder() {
    String folder = outputFolder();
    if (Locations.isRemote(folder)) {
      String parent = Locations.parent(folder);
      if (parent.endsWith("/" + StoreFolder.RUNS)) {
        return Locations.parent(parent);
      }
    }
    return folder;
  }

  /** {@code name} in the folder: a recorded path that is absolute (--themes) stays as it is. */
  private static String in(String folder, String name) {
    if (Locations.isRemote(name) || Paths.get(name).isAbsolute()) {
      return name;
    }
    return Locations.resolve(folder, name);
  }

  /**
   * The recorded options of the run, as command-line values (output excluded; unset ones too).
   *
   * @throws UsageException when it records an option this version does not know: a rerun must run
   *     with every one of them
   */
  public Map<String, String> options() {
    if (!unknownOptions.isEmpty()) {
      throw new UsageException(
          file
              + " records options this version does not know: "
              + String.join(", ", unknownOptions)
              + " (rerun it with the version that wrote it, versions.commit)");
    }
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, Object> recorded =
        JSON.convertValue(summary.options(), new TypeReference<LinkedHashMap<String, Object>>() {});
    recorded.forEach(
        (name, value) -> {
          if (!name.equals("output") && value != null) {
            options.put(name, String.valueOf(value));
          }
        });
    return options;
  }

  /** What a rerun wrote against what the manifest recorded. */
  public record Comparison(int compared, List<String> added, List<String> different) {}

  /**
   * A rerun's outputs against the manifest's: the files it wrote that the manifest does not list
   * (report.html of an older run), and those whose SHA-256 differs or that it did not write.
   */
  public Comparison compare(RunSummary rerun) {
    List<String> different = new ArrayList<>();
    List<String> added = new ArrayList<>();
    Map<String, String> before = new LinkedHashMap<>(outputs());
    for (RunSummary.Output o : rerun.outputs()) {
      String sha = before.remove(o.file());
      if (sha == null) {
        added.add(o.file());
      } else if (!o.sha256().equals(sha)) {
        different.add(o.file());
      }
    }
    different.addAll(before.keySet());
    return new Comparison(rerun.outputs().size() - added.size(), added, different);
  }

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * What differs between the files on disk and the manifest: each input (in {@code inputFolder})
   * and each output (next to the manifest) that is missing or has another SHA-256.
   */
  List<String> differences(String inputFolder) {
    List<String> differences = new ArrayList<>();
    inputs().forEach((path, sha) -> compare("input", in(inputFolder, path), sha, differences));
    // A table file that arrived since the run would change a rerun: say so.
    try {
      InputFiles files = InputFiles.of(inputFolder).excluding(reportFolder());
      for (Locations.Entry f : files.list()) {
        String name = f.name();
        String file = f.fileName();
        boolean table =
            RunStats.TABLES.stream().anyMatch(t -> Table.isFileOf(t, file))
                || Table.isFileOf("claims", file);
        if (table && !inputs().containsKey(name)) {
          differences.add("input added: " + f.location() + " (not in the manifest)");
        }
      }
    } catch (IOException e) {
      differences.add("input folder unreadable: " + inputFolder + " (" + e.getMessage() + ")");
    }
    outputs().forEach((name, sha) -> compare("output", in(outputFolder(), name), sha, differences));
    return differences;
  }

  /**
   * Where summary.json disagrees with itself or with its own output files (an edited total or
   * conservation flag): each table's rows read against accepted + rejected + duplicates, the totals
   * against the conservation sums, {@code ok} against the sums, each output's recorded rows against
   * the file, rejects against the tables' rejected rows and, when the files hold every week, the
   * totals against the sums of entities_weekly.
   */
  List<String> inconsistencies() {
    List<String> found = new ArrayList<>(problems);
    for (RunSummary.InputFileEntry f : listOrEmpty(summary.inputs().files())) {
      if (f == null || f.path() == null) {
        found.add("summary: an input file without a path");
      }
    }
    for (RunSummary.Output o : summary.outputs()) {
      if (o == null || o.file() == null) {
        found.add("summary: an output without a file name");
      }
    }
    long rejected = 0;
    boolean balanced = true;
    Map<String, RunSummary.TableCounts> tables =
        summary.inputs().tables() == null ? Map.of() : summary.inputs().tables();
    for (Map.Entry<String, RunSummary.TableCounts> table : tables.entrySet()) {
      RunSummary.TableCounts c =
          table.getValue() == null
              ? new RunSummary.TableCounts(null, null, null, null)
              : table.getValue();
      long read = orZero(c.read());
      long sum = orZero(c.accepted()) + orZero(c.rejected()) + orZero(c.duplicates());
      rejected += orZero(c.rejected());
      if (read != sum) {
        balanced = false;
        found.add(
            "summary: "
                + table.getKey()
                + " read "
                + read
                + " != accepted + rejected + duplicates "
                + sum);
      }
    }
    RunSummary.Totals totals =
        summary.totals() == null ? new RunSummary.Totals(null, null, null) : summary.totals();
    RunSummary.Conservation conservation =
        summary.conservation() == null
            ? new RunSummary.Conservation(null, null, null, null, null, null, null, null, null)
            : summary.conservation();
    RunSummary.TableCounts posts = tables.get("posts");
    equal(
        found,
        "totals.posts",
        totals.posts(),
        "inputs.tables.posts.accepted",
        posts == null ? null : posts.accepted());
    equal(
        found,
        "totals.posts",
        totals.posts(),
        "conservation.posts_accepted",
        conservation.postsAccepted());
    equal(
        found,
        "totals.engagement",
        totals.engagement(),
        "conservation.posts_engagement",
        conservation.postsEngagement());
    equal(
        found,
        "totals.views_credited",
        totals.viewsCredited(),
        "conservation.views_credited",
        conservation.viewsCredited());
    // All three compared (each records its difference), then combined.
    boolean engagementSum =
        equal(
            found,
            "conservation.posts_engagement",
            conservation.postsEngagement(),
            "conservation.entities_weekly_engagement",
            conservation.entitiesWeeklyEngagement());
    boolean viewsSum =
        equal(
            found,
            "conservation.views_credited",
            conservation.viewsCredited(),
            "conservation.entities_weekly_views",
            conservation.entitiesWeeklyViews());
    boolean postsSum =
        equal(
            found,
            "conservation.posts_accepted",
            conservation.postsAccepted(),
            "conservation.entities_weekly_posts",
            conservation.entitiesWeeklyPosts());
    boolean sums = engagementSum && viewsSum && postsSum;
    boolean ok = sums && balanced && listOrEmpty(conservation.failures()).isEmpty();
    boolean recordedOk = Boolean.TRUE.equals(conservation.ok());
    if (recordedOk != ok) {
      found.add("summary: conservation.ok is " + recordedOk + " but its sums say " + ok);
    }
    if (Boolean.TRUE.equals(conservation.rowsReadEqualAcceptedRejectedDuplicates()) != balanced) {
      found.add(
          "summary: conservation.rows_read_equal_accepted_rejected_duplicates does not match inputs.tables");
    }
    Map<String, long[]> columns = new LinkedHashMap<>();
    for (RunSummary.Output o : summary.outputs()) {
      if (o == null || o.file() == null) {
        continue; // said above
      }
      String name = o.file();
      String path = in(outputFolder(), name);
      if (!(name.endsWith(".csv") || name.endsWith(".jsonl"))) {
        continue; // report.html has no rows
      }
      try {
        if (!Locations.exists(path)) {
          continue; // missing files are differences already
        }
        ReportFile rows = ReportFile.read(path);
        if (rows.rows() != orZero(o.rows())) {
          found.add(
              "summary: outputs "
                  + name
                  + " rows "
                  + orZero(o.rows())
                  + " but the file has "
                  + rows.rows());
        }
        if (Report.ofFile(name) == Report.REJECTS && rows.rows() != rejected) {
          found.add(
              "summary: "
                  + name
                  + " has "
                  + rows.rows()
                  + " rows but inputs.tables rejected "
                  + rejected);
        }
        if (Report.ofFile(name) == Report.ENTITIES_WEEKLY && summary.weeks() == null) {
          columns.put("posts", new long[] {rows.sum("posts"), orZero(totals.posts())});
          columns.put(
              "engagement", new long[] {rows.sum("engagement"), orZero(totals.engagement())});
          columns.put("views", new long[] {rows.sum("views"), orZero(totals.viewsCredited())});
        }
      } catch (IOException | RuntimeException e) {
        found.add("output unreadable: " + path + " (" + e.getMessage() + ")");
      }
    }
    columns.forEach(
        (column, v) -> {
          if (v[0] != v[1]) {
            found.add(
                "summary: totals say "
                    + v[1]
                    + " "
                    + column
                    + " but entities_weekly sums to "
                    + v[0]);
          }
        });
    return found;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  /** Two recorded figures that must be equal (both missing counts as equal). */
  private static boolean equal(List<String> found, String a, Long x, String b, Long y) {
    if (!Objects.equals(x, y)) {
      found.add(
          "summary: "
              + a
              + " "
              + (x == null ? "(missing)" : x)
              + " != "
              + b
              + " "
              + (y == null ? "(missing)" : y));
      return false;
    }
    return true;
  }

  /** A report file's rows (CSV or JSON Lines), read as a stream. */
  private record ReportFile(long rows, Map<String, Long> sums) {
    long sum(String column) {
      return sums.getOrDefault(column, 0L);
    }

    static ReportFile read(String path) throws IOException {
      Map<String, Long> sums = new LinkedHashMap<>();
      long[] rows = {0};
      if (path.endsWith(".jsonl")) {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader in = reader(path)) {
          for (String line; (line = in.readLine()) != null; ) {
            JsonNode row = mapper.readTree(line);
            rows[0]++;
            for (String c : List.of("posts", "engagement", "views")) {
              if (row.path(c).isNumber()) {
                sums.merge(c, row.path(c).asLong(), Math::addExact);
              }
            }
          }
        }
        return new ReportFile(rows[0], sums);
      }
      List<String> header = new ArrayList<>();
      try (Reader in = reader(path)) {
        CsvRecords.forEach(
            in,
            ',',
            r -> {
              if (header.isEmpty()) {
                header.addAll(r.fields);
                return;
              }
              rows[0]++;
              for (String c : List.of("posts", "engagement", "views")) {
                int i = header.indexOf(c);
                if (i >= 0 && i < r.fields.size() && !r.fields.get(i).isEmpty()) {
                  sums.merge(c, Long.parseLong(r.fields.get(i)), Math::addExact);
                }
              }
            });
      }
      return new ReportFile(rows[0], sums);
    }
  }

  /** A UTF-8 reader that fails on malformed bytes, as {@code Files.newBufferedReader} does. */
  private static BufferedReader reader(String path) throws IOException {
    return new BufferedReader(
        new InputStreamReader(Locations.open(path), StandardCharsets.UTF_8.newDecoder()));
  }

  private static void compare(String kind, String path, String expected, List<String> differences) {
    try {
      if (!Locations.exists(path)) {
        differences.add(kind + " missing: " + path);
        return;
      }
      String actual;
      try (InputStream in = Locations.open(path)) {
        actual = TableFiles.sha256(in);
      }
      if (!actual.equals(expected)) {
        differences.add(
            kind + " changed: " + path + " (SHA-256 " + actual + ", manifest " + expected + ")");
      }
    } catch (IOException e) {
      differences.add(kind + " unreadable: " + path + " (" + e.getMessage() + ")");
    }
  }

  /** {@code megaphone verify}: 0 when every file matches, 1 when one differs (each is listed). */
  public static int verify(Manifest manifest, String inputOverride, PrintStream out) {
    String inputs = inputOverride == null ? manifest.inputFolder() : inputOverride;
    if (!Locations.isRemote(inputs) && !Files.isDirectory(Paths.get(inputs))) {
      out.println(
          "NOT verified: the input folder "
              + inputs
              + " recorded in "
              + manifest.file
              + " does not exist here; give --input=DIR to point at the dataset (a copy or its new place)");
      return 1;
    }
    List<String> differences = manifest.differences(inputs);
    differences.addAll(manifest.inconsistencies());
    if (differences.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "verified: %d input files in %s and %d output files in %s match %s%n",
          manifest.inputs().size(),
          inputs,
          manifest.outputs().size(),
          manifest.outputFolder(),
          manifest.file);
      return 0;
    }
    out.println("NOT verified: " + differences.size() + " difference(s) with " + manifest.file);
    differences.forEach(d -> out.println("  " + d));
    return 1;
  }
}
