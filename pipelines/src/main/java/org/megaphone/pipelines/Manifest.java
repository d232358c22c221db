package org.megaphone.pipelines;

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
final class Manifest {
  private final Path file;
  private final JsonNode json;

  private Manifest(Path file, JsonNode json) {
    this.file = file;
    this.json = json;
  }

  static Manifest read(String path) {
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

  String command() {
    return json.path("command").asText("report");
  }

  String week() {
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
  Map<String, String> outputs() {
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
  Map<String, String> options() {
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

  private static void compare(String kind, Path path, String expected, List<String> differences) {
    if (!Files.isRegularFile(path)) {
      differences.add(kind + " missing: " + path);
      return;
    }
    try {
      String actual = TableFiles.sha256(Files.readAllBytes(path));
      if (!actual.equals(expected)) {
        differences.add(kind + " changed: " + path + " (SHA-256 " + actual + ", manifest " + expected + ")");
      }
    } catch (IOException e) {
      differences.add(kind + " unreadable: " + path + " (" + e.getMessage() + ")");
    }
  }

  /** {@code megaphone verify}: 0 when every file matches, 1 when one differs (each is listed). */
  static int verify(Manifest manifest, String inputOverride, PrintStream out) {
    Path inputs = Paths.get(inputOverride == null ? manifest.inputFolder() : inputOverride);
    List<String> differences = manifest.differences(inputs);
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
