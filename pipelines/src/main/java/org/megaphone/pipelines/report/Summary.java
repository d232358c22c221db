package org.megaphone.pipelines.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.beam.sdk.util.ReleaseInfo;
import org.megaphone.model.Stats;
import org.megaphone.pipelines.options.ReportOptions;
import org.megaphone.read.InputFile;
import org.megaphone.read.Locations;
import org.megaphone.read.TableFiles;
import org.megaphone.reports.Report;
import org.megaphone.rules.Timestamps;
import org.megaphone.write.html.HtmlReport;

/** summary.json (contract section 5) and its one-screen rendering on the terminal. */
public final class Summary {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Summary() {}

  static RunSummary of(
      ReportOptions options,
      String input,
      String output,
      Path written,
      RunStats stats,
      List<String> conservationFailures,
      long startedMillis,
      long finishedMillis) {
    ZoneId zone = ZoneId.of(options.getTimezone());
    RunSummary.Options opts =
        new RunSummary.Options(
            options.getInput(),
            options.getOutput(),
            options.getTimezone(),
            options.getBulletinWindow(),
            options.getCampaignTags(),
            options.getMaxRejectRatio(),
            options.getProfile(),
            options.getShards(),
            options.getFrom(),
            options.getTo(),
            options.getPseudonymise(),
            options.getSaltFile(),
            options.getFormat(),
            ReportRun.title(options),
            options.getThemes(),
            options.getBaselinePosts());
    RunSummary.Versions versions =
        new RunSummary.Versions(
            version(),
            buildProperty("commit"),
            buildProperty("dirty"),
            ReleaseInfo.getReleaseInfo().getVersion(),
            System.getProperty("java.version"));
    List<RunSummary.InputFileEntry> files = new ArrayList<>();
    for (InputFile f : stats.files) {
      files.add(
          new RunSummary.InputFileEntry(
              f.getPath(),
              f.getTable(),
              f.getBytes(),
              f.getSha256(),
              f.getRows(),
              f.getRejected(),
              f.getCharset(),
              f.getProfile(),
              f.getAdjustments(),
              f.getNumberFormat()));
    }
    Map<String, RunSummary.TableCounts> tables = new LinkedHashMap<>();
    for (String t : RunStats.TABLES) {
      tables.put(
          t,
          new RunSummary.TableCounts(
              stats.table(t, Stats.READ),
              stats.table(t, Stats.ACCEPTED),
              stats.table(t, Stats.REJECTED),
              stats.table(t, Stats.DUPLICATES)));
    }
    RunSummary.Conservation conservation =
        new RunSummary.Conservation(
            stats.get(Stats.POSTS_ENGAGEMENT),
            stats.get(Stats.ENTITIES_WEEKLY_ENGAGEMENT),
            stats.get(Stats.VIEWS_CREDITED),
            stats.get(Stats.ENTITIES_WEEKLY_VIEWS),
            stats.table("posts", Stats.ACCEPTED),
            stats.get(Stats.ENTITIES_WEEKLY_POSTS),
            conservationFailures.stream().noneMatch(f -> f.contains("rows read")),
            conservationFailures.isEmpty(),
            conservationFailures);
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String file : Report.files()) {
      rows.put(file, stats.reportRows(file));
    }
    return new RunSummary(
        "report",
        options.getRunner().getSimpleName(),
        Timestamps.format(startedMillis, zone),
        Timestamps.format(finishedMillis, zone),
        (finishedMillis - startedMillis) / 1000.0,
        opts,
        versions,
        new RunSummary.Inputs(input, files, tables),
        new RunSummary.Totals(
            stats.table("posts", Stats.ACCEPTED),
            stats.get(Stats.POSTS_ENGAGEMENT),
            stats.get(Stats.VIEWS_CREDITED)),
        new RunSummary.OrphanViews(
            stats.get(Stats.ORPHAN_POSTS),
            stats.get(Stats.ORPHAN_SNAPSHOTS),
            stats.get(Stats.ORPHAN_VIEWS)),
        conservation,
        stats.warnings(),
        outputs(written, outputFiles(rows, options.getFormat())),
        output,
        null,
        null);
  }

  /** The files a run publishes besides summary.json, with their rows (none for report.html). */
  static Map<String, Long> outputFiles(Map<String, Long> rowsByReport, String format) {
    Map<String, Long> files = ReportFormat.byFile(rowsByReport, format);
    files.put(HtmlReport.FILE, null);
    return files;
  }

  /** Each output file with its rows, bytes and SHA-256 (what verify and rerun compare). */
  static List<RunSummary.Output> outputs(Path folder, Map<String, Long> rows) {
    List<RunSummary.Output> outputs = new ArrayList<>();
    for (Map.Entry<String, Long> file : rows.entrySet()) {
      Path path = folder.resolve(file.getKey());
      try (InputStream in = Files.newInputStream(path)) {
        // Streamed: a report is not held whole.
        outputs.add(
            new RunSummary.Output(
                file.getKey(), file.getValue(), Files.size(path), TableFiles.sha256(in)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return outputs;
  }

  public static void write(Path file, RunSummary summary) throws IOException {
    Files.writeString(file, json(summary) + "\n", StandardCharsets.UTF_8);
  }

  static String json(RunSummary summary) {
    try {
      return JSON.writeValueAsString(summary).replace("\r\n", "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A summary.json as {@link #read} reads it, except that a field whose value has the wrong type
   * (an edited file: {@code "engagement": "lots"}) is read as missing and named in {@code
   * problems}, for verify to report instead of failing to read the file; the options it records
   * that {@link RunSummary.Options} does not hold (written by another version) go to {@code
   * unknownOptions}, since reading them as a {@link RunSummary} drops them. The file is read once.
   */
  public static RunSummary readLeniently(
      byte[] file, List<String> problems, List<String> unknownOptions) throws IOException {
    JsonNode tree = JSON.readTree(file);
    Set<String> known = new HashSet<>();
    for (RecordComponent c : RunSummary.Options.class.getRecordComponents()) {
      known.add(c.getName());
    }
    tree.path("options")
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                unknownOptions.add(name);
              }
            });
    ObjectMapper lenient = JSON.copy();
    lenient.addHandler(
        new DeserializationProblemHandler() {
          @Override
          public Object handleWeirdStringValue(
              DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
            problems.add(wrongType(ctxt, value));
            return null;
          }

          @Override
          public Object handleWeirdNumberValue(
              DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
            problems.add(wrongType(ctxt, value));
            return null;
          }

          @Override
          public Object handleUnexpectedToken(
              DeserializationContext ctxt,
              JavaType targetType,
              JsonToken token,
              JsonParser p,
              String failureMsg)
              throws IOException {
            problems.add(wrongType(ctxt, token));
            p.skipChildren();
            return null;
          }
        });
    return lenient.treeToValue(tree, RunSummary.class);
  }

  private static String wrongType(DeserializationContext ctxt, Object value) {
    return "summary: "
        + ctxt.getParser().getParsingContext().pathAsPointer()
        + " has a value of the wrong type ("
        + value
        + ")";
  }

  /** A summary.json as written by {@link #write}; fields it lacks are null. */
  public static RunSummary read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), RunSummary.class);
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
  public static void printWarnings(RunSummary s, PrintStream out) {
    for (String warning : s.warnings()) {
      out.println("  warning: " + warning);
    }
  }

  public static void print(RunSummary s, String output, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Megaphone %s: %s -> %s (%s, %.1f s)%n",
        s.week() == null ? s.command() : s.command() + " " + s.week(),
        s.inputs().folder(),
        output,
        s.runner(),
        s.seconds());
    if (s.week() != null) {
      out.println(
          "  (tables and totals are of the whole input; the files hold week " + s.week() + ")");
    }
    out.printf(
        Locale.ROOT,
        "  %-10s %10s %10s %10s %10s%n",
        "table",
        "read",
        "accepted",
        "rejected",
        "duplicates");
    for (Map.Entry<String, RunSummary.TableCounts> t : s.inputs().tables().entrySet()) {
      RunSummary.TableCounts v = t.getValue();
      out.printf(
          Locale.ROOT,
          "  %-10s %,10d %,10d %,10d %,10d%n",
          t.getKey(),
          v.read(),
          v.accepted(),
          v.rejected(),
          v.duplicates());
    }
    out.printf(
        Locale.ROOT,
        "  posts %,d  engagement %,d  views credited %,d  orphan views %,d (%,d posts)%n",
        s.totals().posts(),
        s.totals().engagement(),
        s.totals().viewsCredited(),
        s.orphanViews().views(),
        s.orphanViews().posts());
    out.println("  conservation: ok");
    printWarnings(s, out);
    out.println("  wrote:");
    for (RunSummary.Output o : s.outputs()) {
      if (o.rows() == null) {
        out.printf(Locale.ROOT, "    %s%n", Locations.resolve(output, o.file()));
      } else {
        out.printf(Locale.ROOT, "    %-22s %,8d rows%n", o.file(), o.rows());
      }
    }
    out.printf(Locale.ROOT, "    %s%n", Locations.resolve(output, ReportRun.SUMMARY));
  }
}
