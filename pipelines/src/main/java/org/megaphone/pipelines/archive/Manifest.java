package org.megaphone.pipelines.archive;

import org.megaphone.pipelines.options.UsageException;
import org.megaphone.pipelines.report.RunStats;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megaphone.read.TableFiles;

/**
 * A run's summary.json read as a manifest: the input files and output files with their SHA-256,
 * and the options. {@code megaphone verify} checks the files against it; {@code megaphone rerun}
 * runs again with its options and compares the new outputs with it.
 */
public final class Manifest {
  private final Path file;
  private final JsonNode json;

  private Manifest(Path file, JsonNode json) {
    this.file = file;
    this.json = json;
  }

  public static Manifest read(String path) {
    if (path == null || path.isEmpty()) {
      throw new UsageException("--manifest=FILE is required (a summary.json written by report or weekly)");
    }
    Path file = Paths.get(path);
    try {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      if (!json.has("inputs") || !json.has("outputs") || !json.has("options")) {
        throw new UsageException(path + " is not a Megaphone summary.json (no inputs, outputs or options)");
      }
      return new Manifest(file, json);
    } catch (IOException e) {
      throw new UsageException("cannot read the manifest " + path + ": " + e.getMessage());
    }
  }

  public String command() {
    return json.path("command").asText("report");
  }

  public String week() {
    return json.path("week").asText(null);
  }

  /** The folder the inputs were read from, as recorded (relative to where that run started). */
  String inputFolder() {
    return json.path("inputs").path("folder").asText();
  }

  /** Input path (relative to the input folder) to its SHA-256; a file feeding two tables is listed once. */
  Map<String, String> inputs() {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (JsonNode f : json.path("inputs").path("files")) {
      inputs.put(f.path("path").asText(), f.path("sha256").asText());
    }
    return inputs;
  }

  /** Output file name to its SHA-256; the files sit next to the manifest. */
  public Map<String, String> outputs() {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (JsonNode o : json.path("outputs")) {
      outputs.put(o.path("file").asText(), o.path("sha256").asText(""));
    }
    return outputs;
  }

  Path outputFolder() {
    Path parent = file.toAbsolutePath().getParent();
    return parent;
  }

  /** The recorded options of the run, as command-line values (output excluded; unset ones too). */
  public Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = json.path("options").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (!f.getKey().equals("output") && !f.getValue().isNull()) {
        options.put(f.getKey(), f.getValue().asText());
      }
    }
    return options;
  }

  /**
   * What differs between the files on disk and the manifest: each input (in {@code inputFolder})
   * and each output (next to the manifest) that is missing or has another SHA-256.
   */
  List<String> differences(Path inputFolder) {
    List<String> differences = new ArrayList<>();
    inputs().forEach((path, sha) -> compare("input", inputFolder.resolve(path), sha, differences));
    // A table file that arrived since the run would change a rerun: say so.
    try {
      org.megaphone.read.InputFiles files =
          org.megaphone.read.InputFiles.of(inputFolder.toString()).excluding(outputFolder().toString());
      for (Path f : files.list()) {
        String name = files.name(f.toString());
        String file = f.getFileName().toString();
        boolean table =
            RunStats.TABLES.stream().anyMatch(t -> org.megaphone.read.Table.isFileOf(t, file))
                || org.megaphone.read.Table.isFileOf("claims", file);
        if (table && !inputs().containsKey(name)) {
          differences.add("input added: " + f + " (not in the manifest)");
        }
      }
    } catch (IOException e) {
      differences.add("input folder unreadable: " + inputFolder + " (" + e.getMessage() + ")");
    }
    outputs().forEach((name, sha) -> compare("output", outputFolder().resolve(name), sha, differences));
    return differences;
  }

  /**
   * Where summary.json disagrees with itself or with its own output files (an edited total or
   * conservation flag): each table's rows read against accepted + rejected + duplicates, the
   * totals against the conservation sums, {@code ok} against the sums, each output's recorded
   * rows against the file, rejects against the tables' rejected rows and, when the files hold
   * every week, the totals against the sums of entities_weekly.
   */
  List<String> inconsistencies() {
    List<String> found = new ArrayList<>();
    long rejected = 0;
    boolean balanced = true;
    for (Iterator<Map.Entry<String, JsonNode>> t = json.path("inputs").path("tables").fields(); t.hasNext(); ) {
      Map.Entry<String, JsonNode> table = t.next();
      JsonNode c = table.getValue();
      long read = c.path("read").asLong();
      long sum = c.path("accepted").asLong() + c.path("rejected").asLong() + c.path("duplicates").asLong();
      rejected += c.path("rejected").asLong();
      if (read != sum) {
        balanced = false;
        found.add("summary: " + table.getKey() + " read " + read + " != accepted + rejected + duplicates " + sum);
      }
    }
    JsonNode totals = json.path("totals");
    JsonNode conservation = json.path("conservation");
    equal(found, "totals.posts", totals.path("posts"), "inputs.tables.posts.accepted",
        json.path("inputs").path("tables").path("posts").path("accepted"));
    equal(found, "totals.posts", totals.path("posts"), "conservation.posts_accepted", conservation.path("posts_accepted"));
    equal(found, "totals.engagement", totals.path("engagement"), "conservation.posts_engagement",
        conservation.path("posts_engagement"));
    equal(found, "totals.views_credited", totals.path("views_credited"), "conservation.views_credited",
        conservation.path("views_credited"));
    boolean sums =
        equal(found, "conservation.posts_engagement", conservation.path("posts_engagement"),
                "conservation.entities_weekly_engagement", conservation.path("entities_weekly_engagement"))
            & equal(found, "conservation.views_credited", conservation.path("views_credited"),
                "conservation.entities_weekly_views", conservation.path("entities_weekly_views"))
            & equal(found, "conservation.posts_accepted", conservation.path("posts_accepted"),
                "conservation.entities_weekly_posts", conservation.path("entities_weekly_posts"));
    boolean ok = sums && balanced && conservation.path("failures").isEmpty();
    if (conservation.path("ok").asBoolean() != ok) {
      found.add("summary: conservation.ok is " + conservation.path("ok").asBoolean() + " but its sums say " + ok);
    }
    if (conservation.path("rows_read_equal_accepted_rejected_duplicates").asBoolean() != balanced) {
      found.add("summary: conservation.rows_read_equal_accepted_rejected_duplicates does not match inputs.tables");
    }
    Map<String, long[]> columns = new LinkedHashMap<>();
    for (JsonNode o : json.path("outputs")) {
      String name = o.path("file").asText();
      Path path = outputFolder().resolve(name);
      if (!Files.isRegularFile(path) || !(name.endsWith(".csv") || name.endsWith(".jsonl"))) {
        continue; // missing files are differences already; report.html has no rows
      }
      try {
        ReportFile rows = ReportFile.read(path);
        if (rows.rows() != o.path("rows").asLong()) {
          found.add("summary: outputs " + name + " rows " + o.path("rows").asLong() + " but the file has " + rows.rows());
        }
        if (name.startsWith("rejects.") && rows.rows() != rejected) {
          found.add("summary: " + name + " has " + rows.rows() + " rows but inputs.tables rejected " + rejected);
        }
        if (name.startsWith("entities_weekly.") && !json.has("weeks")) {
          columns.put("posts", new long[] {rows.sum("posts"), totals.path("posts").asLong()});
          columns.put("engagement", new long[] {rows.sum("engagement"), totals.path("engagement").asLong()});
          columns.put("views", new long[] {rows.sum("views"), totals.path("views_credited").asLong()});
        }
      } catch (IOException | RuntimeException e) {
        found.add("output unreadable: " + path + " (" + e.getMessage() + ")");
      }
    }
    columns.forEach(
        (column, v) -> {
          if (v[0] != v[1]) {
            found.add("summary: totals say " + v[1] + " " + column + " but entities_weekly sums to " + v[0]);
          }
        });
    return found;
  }

  private static boolean equal(List<String> found, String a, JsonNode x, String b, JsonNode y) {
    if (x.asLong() != y.asLong() || x.isMissingNode() != y.isMissingNode()) {
      found.add("summary: " + a + " " + x.asText("(missing)") + " != " + b + " " + y.asText("(missing)"));
      return false;
    }
    return true;
  }

  /** A report file's rows (CSV or JSON Lines), read as a stream. */
  private record ReportFile(long rows, Map<String, Long> sums) {
    long sum(String column) {
      return sums.getOrDefault(column, 0L);
    }

    static ReportFile read(Path path) throws IOException {
      Map<String, Long> sums = new LinkedHashMap<>();
      long[] rows = {0};
      if (path.toString().endsWith(".jsonl")) {
        ObjectMapper mapper = new ObjectMapper();
        try (java.io.BufferedReader in = Files.newBufferedReader(path)) {
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
      try (java.io.Reader in = Files.newBufferedReader(path)) {
        org.megaphone.read.CsvRecords.forEach(
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

  private static void compare(String kind, Path path, String expected, List<String> differences) {
    if (!Files.isRegularFile(path)) {
      differences.add(kind + " missing: " + path);
      return;
    }
    try {
      String actual;
      try (java.io.InputStream in = Files.newInputStream(path)) {
        actual = TableFiles.sha256(in);
      }
      if (!actual.equals(expected)) {
        differences.add(kind + " changed: " + path + " (SHA-256 " + actual + ", manifest " + expected + ")");
      }
    } catch (IOException e) {
      differences.add(kind + " unreadable: " + path + " (" + e.getMessage() + ")");
    }
  }

  /** {@code megaphone verify}: 0 when every file matches, 1 when one differs (each is listed). */
  public static int verify(Manifest manifest, String inputOverride, PrintStream out) {
    Path inputs = Paths.get(inputOverride == null ? manifest.inputFolder() : inputOverride);
    if (!Files.isDirectory(inputs)) {
      out.println(
          "NOT verified: the input folder " + inputs + " recorded in " + manifest.file
              + " does not exist here; give --input=DIR to point at the dataset (a copy or its new place)");
      return 1;
    }
    List<String> differences = manifest.differences(inputs);
    differences.addAll(manifest.inconsistencies());
    if (differences.isEmpty()) {
      out.printf(
          java.util.Locale.ROOT,
          "verified: %d input files in %s and %d output files in %s match %s%n",
          manifest.inputs().size(), inputs, manifest.outputs().size(), manifest.outputFolder(), manifest.file);
      return 0;
    }
    out.println("NOT verified: " + differences.size() + " difference(s) with " + manifest.file);
    differences.forEach(d -> out.println("  " + d));
    return 1;
  }
}
