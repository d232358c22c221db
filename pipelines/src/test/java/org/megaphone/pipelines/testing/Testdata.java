package org.megaphone.pipelines.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.megaphone.read.CsvRecords;
import org.megaphone.read.TableFiles;

/** The testdata sets as tests run them, and report files as rows. */
public final class Testdata {
  private Testdata() {}

  public static Path folder(String dataset) {
    return Paths.get("..", "testdata", dataset);
  }

  /**
   * The report's arguments for a testdata set, with the options its expected.json was made with.
   */
  public static String[] reportArgs(String dataset, Path out, String... more) throws IOException {
    Path in = folder(dataset);
    JsonNode options =
        new ObjectMapper().readTree(in.resolve("expected.json").toFile()).get("options");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input=" + in,
                "--output=" + out,
                "--timezone=" + options.get("timezone").asText(),
                "--bulletinWindow=" + options.get("bulletinWindow").asText(),
                "--campaignTags=" + options.get("campaignTags").asText(),
                "--maxRejectRatio=" + options.get("maxRejectRatio").asText()));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  /** A report's rows as maps from column to cell. */
  public static List<Map<String, String>> rows(Path file) throws IOException {
    List<CsvRecords.CsvRecord> records =
        CsvRecords.parse(Files.readString(file, StandardCharsets.UTF_8), ',');
    List<String> header = records.get(0).fields;
    List<Map<String, String>> rows = new ArrayList<>();
    for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), r.fields.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Checks every report file in {@code out} (all but summary.json, which holds times) against the
   * SHA-256 recorded in testdata/goldens/{@code golden}.sha256 before issue 15's changes: a change
   * not meant to change a report proves it here, and one that is meant to updates the golden and
   * says why.
   */
  public static void assertMatchesGoldens(Path out, String golden) throws IOException {
    Map<String, String> expected = new TreeMap<>();
    for (String line :
        Files.readAllLines(folder("goldens").resolve(golden + ".sha256"), StandardCharsets.UTF_8)) {
      String[] parts = line.split("\\s+", 2);
      expected.put(parts[1], parts[0]);
    }
    Map<String, String> actual = new TreeMap<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!name.equals("summary.json")) {
          actual.put(name, TableFiles.sha256(Files.readAllBytes(f)));
        }
      }
    }
    MatcherAssert.assertThat(
        "report files of " + golden + " against testdata/goldens/" + golden + ".sha256",
        actual,
        Matchers.equalTo(expected));
  }
}
