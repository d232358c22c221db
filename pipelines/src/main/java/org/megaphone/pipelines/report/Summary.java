package org.megaphone.pipelines.report;

import org.megaphone.read.InputFile;
import org.megaphone.pipelines.options.ReportOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.beam.sdk.util.ReleaseInfo;
import org.megaphone.model.Stats;
import org.megaphone.read.TableFiles;
import org.megaphone.rules.Timestamps;
import org.megaphone.write.html.HtmlReport;

/** summary.json (contract section 5) and its one-screen rendering on the terminal. */
public final class Summary {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Summary() {}

  static Map<String, Object> of(
      ReportOptions options,
      Path input,
      Path output,
      Path written,
      RunStats stats,
      List<String> conservationFailures,
      long startedMillis,
      long finishedMillis) {
    ZoneId zone = ZoneId.of(options.getTimezone());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("command", "report");
    s.put("runner", options.getRunner().getSimpleName());
    s.put("started_at", Timestamps.format(startedMillis, zone));
    s.put("finished_at", Timestamps.format(finishedMillis, zone));
    s.put("seconds", (finishedMillis - startedMillis) / 1000.0);

    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("input", options.getInput());
    opts.put("output", options.getOutput());
    opts.put("timezone", options.getTimezone());
    opts.put("bulletinWindow", options.getBulletinWindow());
    opts.put("campaignTags", options.getCampaignTags());
    opts.put("maxRejectRatio", options.getMaxRejectRatio());
    opts.put("profile", options.getProfile());
    opts.put("shards", options.getShards());
    opts.put("from", options.getFrom());
    opts.put("to", options.getTo());
    opts.put("pseudonymise", options.getPseudonymise());
    opts.put("saltFile", options.getSaltFile());
    opts.put("format", options.getFormat());
    opts.put("title", ReportRun.title(options));
    opts.put("themes", options.getThemes());
    opts.put("baselinePosts", options.getBaselinePosts());
    s.put("options", opts);

    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("megaphone", version());
    versions.put("commit", buildProperty("commit"));
    versions.put("uncommitted_changes", buildProperty("dirty"));
    versions.put("beam", ReleaseInfo.getReleaseInfo().getVersion());
    versions.put("java", System.getProperty("java.version"));
    s.put("versions", versions);

    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("folder", input.toString());
    List<Map<String, Object>> files = new ArrayList<>();
    for (InputFile f : stats.files) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("path", f.getPath());
      file.put("table", f.getTable());
      file.put("bytes", f.getBytes());
      file.put("sha256", f.getSha256());
      file.put("rows_read", f.getRows());
      file.put("rows_rejected", f.getRejected());
      file.put("charset", f.getCharset());
      file.put("profile", f.getProfile());
      file.put("adjustments", f.getAdjustments());
      file.put("number_format", f.getNumberFormat());
      files.add(file);
    }
    inputs.put("files", files);
    Map<String, Object> tables = new LinkedHashMap<>();
    for (String t : RunStats.TABLES) {
      Map<String, Object> table = new LinkedHashMap<>();
      table.put("read", stats.table(t, Stats.READ));
      table.put("accepted", stats.table(t, Stats.ACCEPTED));
      table.put("rejected", stats.table(t, Stats.REJECTED));
      table.put("duplicates", stats.table(t, Stats.DUPLICATES));
      tables.put(t, table);
    }
    inputs.put("tables", tables);
    s.put("inputs", inputs);

    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("posts", stats.table("posts", Stats.ACCEPTED));
    totals.put("engagement", stats.get(Stats.POSTS_ENGAGEMENT));
    totals.put("views_credited", stats.get(Stats.VIEWS_CREDITED));
    s.put("totals", totals);

    Map<String, Object> orphans = new LinkedHashMap<>();
    orphans.put("posts", stats.get(Stats.ORPHAN_POSTS));
    orphans.put("snapshots", stats.get(Stats.ORPHAN_SNAPSHOTS));
    orphans.put("views", stats.get(Stats.ORPHAN_VIEWS));
    s.put("orphan_views", orphans);

    Map<String, Object> conservation = new LinkedHashMap<>();
    conservation.put("posts_engagement", stats.get(Stats.POSTS_ENGAGEMENT));
    conservation.put("entities_weekly_engagement", stats.get(Stats.ENTITIES_WEEKLY_ENGAGEMENT));
    conservation.put("views_credited", stats.get(Stats.VIEWS_CREDITED));
    conservation.put("entities_weekly_views", stats.get(Stats.ENTITIES_WEEKLY_VIEWS));
    conservation.put("posts_accepted", stats.table("posts", Stats.ACCEPTED));
    conservation.put("entities_weekly_posts", stats.get(Stats.ENTITIES_WEEKLY_POSTS));
    conservation.put(
        "rows_read_equal_accepted_rejected_duplicates",
        conservationFailures.stream().noneMatch(f -> f.contains("rows read")));
    conservation.put("ok", conservationFailures.isEmpty());
    conservation.put("failures", conservationFailures);
    s.put("conservation", conservation);

    s.put("warnings", stats.warnings());

    Map<String, Long> rows = new LinkedHashMap<>();
    for (String file : ReportPipeline.REPORTS) {
      rows.put(file, stats.reportRows(file));
    }
    List<Map<String, Object>> outputs = outputs(written, outputFiles(rows, options.getFormat()));
    s.put("outputs", outputs);
    s.put("output_folder", output.toString());
    return s;
  }

  /** The files a run publishes besides summary.json, with their rows (none for report.html). */
  static Map<String, Long> outputFiles(Map<String, Long> rowsByReport, String format) {
    Map<String, Long> files = ReportFormat.byFile(rowsByReport, format);
    files.put(HtmlReport.FILE, null);
    return files;
  }

  /** Each output file with its rows, bytes and SHA-256 (what verify and rerun compare). */
  static List<Map<String, Object>> outputs(Path folder, Map<String, Long> rows) {
    List<Map<String, Object>> outputs = new ArrayList<>();
    rows.forEach(
        (file, n) -> {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("file", file);
          if (n != null) {
            o.put("rows", n);
          }
          try {
            Path path = folder.resolve(file);
            o.put("bytes", Files.size(path));
            try (java.io.InputStream in = Files.newInputStream(path)) {
              o.put("sha256", TableFiles.sha256(in)); // streamed: a report is not held whole
            }
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          outputs.add(o);
        });
    return outputs;
  }

  public static void write(Path file, Map<String, Object> summary) throws IOException {
    Files.writeString(file, json(summary) + "\n", StandardCharsets.UTF_8);
  }

  static String json(Map<String, Object> summary) {
    try {
      return JSON.writeValueAsString(summary).replace("\r\n", "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String version() {
    return buildProperty("version");
  }

  /** version, commit or dirty of the build (megaphone.properties); "unknown" when not recorded. */
  static String buildProperty(String name) {
    try (InputStream in = Summary.class.getResourceAsStream("/megaphone.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String value = p.getProperty(name, "unknown");
      return value.startsWith("${") ? "unknown" : value;
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The run's warnings (an export read as Windows-1252 …): printed even by a quiet run. */
  @SuppressWarnings("unchecked")
  public static void printWarnings(Map<String, Object> s, PrintStream out) {
    for (String warning : (List<String>) s.get("warnings")) {
      out.println("  warning: " + warning);
    }
  }

  @SuppressWarnings("unchecked")
  public static void print(Map<String, Object> s, Path output, PrintStream out) {
    Map<String, Object> inputs = (Map<String, Object>) s.get("inputs");
    Map<String, Map<String, Object>> tables = (Map<String, Map<String, Object>>) inputs.get("tables");
    out.printf(
        java.util.Locale.ROOT,
        "Megaphone %s: %s -> %s (%s, %.1f s)%n",
        s.get("week") == null ? s.get("command") : s.get("command") + " " + s.get("week"),
        inputs.get("folder"), output, s.get("runner"), (Double) s.get("seconds"));
    if (s.get("week") != null) {
      out.println("  (tables and totals are of the whole input; the files hold week " + s.get("week") + ")");
    }
    out.printf(java.util.Locale.ROOT, "  %-10s %10s %10s %10s %10s%n", "table", "read", "accepted", "rejected", "duplicates");
    for (Map.Entry<String, Map<String, Object>> t : tables.entrySet()) {
      Map<String, Object> v = t.getValue();
      out.printf(
          java.util.Locale.ROOT,
          "  %-10s %,10d %,10d %,10d %,10d%n",
          t.getKey(), v.get("read"), v.get("accepted"), v.get("rejected"), v.get("duplicates"));
    }
    Map<String, Object> totals = (Map<String, Object>) s.get("totals");
    Map<String, Object> orphans = (Map<String, Object>) s.get("orphan_views");
    out.printf(
        java.util.Locale.ROOT,
        "  posts %,d  engagement %,d  views credited %,d  orphan views %,d (%,d posts)%n",
        totals.get("posts"), totals.get("engagement"), totals.get("views_credited"),
        orphans.get("views"), orphans.get("posts"));
    out.println("  conservation: ok");
    printWarnings(s, out);
    out.println("  wrote:");
    for (Map<String, Object> o : (List<Map<String, Object>>) s.get("outputs")) {
      if (o.get("rows") == null) {
        out.printf(java.util.Locale.ROOT, "    %s%n", output.resolve((String) o.get("file")));
      } else {
        out.printf(java.util.Locale.ROOT, "    %-22s %,8d rows%n", o.get("file"), o.get("rows"));
      }
    }
    out.printf(java.util.Locale.ROOT, "    %s%n", output.resolve(ReportRun.SUMMARY));
  }
}
