package org.megaphone.pipelines.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.megaphone.read.CsvRecords;
import org.megaphone.rules.Weeks;

/**
 * The benchmark's third reference, engine {@code beam}: the same author-attributed core as {@link
 * BenchReferences} (posts per week and entity, their engagement, each entity's views) as a plain
 * Beam pipeline on the runner Megaphone uses for large inputs (embedded Flink, one slot per core,
 * object reuse). String records, TextIO (which splits a file across workers), one GroupByKey of
 * each post's rows and snapshots, one lifted {@code Sum.longsPerKey}: what a Beam job of this shape
 * costs on this runner, with none of the contract's checks, rejects, reports or conservation
 * counts. It is the floor a redesign of Megaphone's core can approach on Beam
 * (runbooks/performance.md), not a result Megaphone could ship.
 */
public final class BenchBeam {
  private BenchBeam() {}

  static Map<String, long[]> run(Path dataset, Path out, ZoneId zone) throws IOException {
    FlinkPipelineOptions options =
        PipelineOptionsFactory.fromArgs(
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=" + Runtime.getRuntime().availableProcessors(),
                "--objectReuse=true",
                "--fasterCopy=true")
            .as(FlinkPipelineOptions.class);
    options.setRunner(FlinkRunner.class);
    Pipeline p = Pipeline.create(options);
    String zoneId = zone.getId();

    // accounts: platform,handle,entity_id,... → "platform|handle" → entity.
    PCollectionView<Map<String, String>> entities =
        records(p, dataset, "accounts")
            .apply(
                "KeyAccounts",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via(
                        (String l) -> {
                          List<String> r = fields(l);
                          return KV.of(
                              r.get(0).toLowerCase(Locale.ROOT) + "|" + handle(r.get(1)), r.get(2));
                        }))
            .apply("ViewAccounts", View.asMap());
    // posts:
    // platform,post_id,handle,published_at,text,url,language,likes,comments,shares,saves,followers,exported_at
    PCollection<KV<String, String>> posts =
        records(p, dataset, "posts")
            .apply(
                "KeyPosts",
                FlatMapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via(
                        (String l) -> {
                          List<String> r = fields(l);
                          // As the single pass: malformed records and unreadable publication times
                          // are skipped.
                          if (r == null || !parses(r.get(3))) {
                            return List.<KV<String, String>>of();
                          }
                          long engagement =
                              count(r.get(7))
                                  + count(r.get(8))
                                  + count(r.get(9))
                                  + count(r.get(10));
                          return List.of(
                              KV.of(
                                  r.get(0) + "|" + r.get(1),
                                  "P\t"
                                      + r.get(0).toLowerCase(Locale.ROOT)
                                      + "|"
                                      + handle(r.get(2))
                                      + "\t"
                                      + r.get(3)
                                      + "\t"
                                      + engagement
                                      + "\t"
                                      + r.get(12)));
                        }));
    // views: platform,post_id,observed_at,views
    PCollection<KV<String, String>> views =
        records(p, dataset, "views")
            .apply(
                "KeyViews",
                FlatMapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via(
                        (String l) -> {
                          List<String> r = fields(l);
                          return r == null
                              ? List.<KV<String, String>>of()
                              : List.of(KV.of(r.get(0) + "|" + r.get(1), "V\t" + r.get(3)));
                        }));
    PCollectionList.of(posts)
        .and(views)
        .apply("FlattenPostsAndViews", Flatten.pCollections())
        .apply("GroupByPost", GroupByKey.create())
        .apply(
            "CreditPost",
            ParDo.of(
                    new DoFn<KV<String, Iterable<String>>, KV<String, Long>>() {
                      @ProcessElement
                      public void process(ProcessContext c) {
                        String[] best = null;
                        long bestExported = Long.MIN_VALUE;
                        long bestEngagement = Long.MIN_VALUE;
                        long highest = 0;
                        for (String v : c.element().getValue()) {
                          String[] f = v.split("\t", -1);
                          if (f[0].equals("V")) {
                            highest = Math.max(highest, Long.parseLong(f[1]));
                            continue;
                          }
                          long exported = f[4].isEmpty() ? Long.MIN_VALUE : millis(f[4]);
                          long engagement = Long.parseLong(f[3]);
                          if (best == null
                              || exported > bestExported
                              || (exported == bestExported && engagement > bestEngagement)) {
                            best = f;
                            bestExported = exported;
                            bestEngagement = engagement;
                          }
                        }
                        if (best == null) {
                          return;
                        }
                        String entity = c.sideInput(entities).get(best[1]);
                        if (entity == null) {
                          return;
                        }
                        String week = Weeks.label(millis(best[2]), ZoneId.of(zoneId));
                        c.output(KV.of(week + "|" + entity + "|posts", 1L));
                        c.output(KV.of(week + "|" + entity + "|engagement", bestEngagement));
                        c.output(KV.of("views|" + entity + "|views", highest));
                      }
                    })
                .withSideInputs(entities))
        .apply("SumPerKey", Sum.longsPerKey())
        .apply(
            "Format",
            MapElements.into(TypeDescriptors.strings())
                .via((KV<String, Long> kv) -> kv.getKey() + "|" + kv.getValue()))
        .apply("Write", TextIO.write().to(out.resolve("core").toString()).withSuffix(".txt"));
    p.run().waitUntilFinish();

    Map<String, long[]> result = new TreeMap<>();
    try (var files = Files.list(out)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("core")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String[] k = line.split("\\|", -1);
          long[] row = result.computeIfAbsent(k[0] + "|" + k[1], x -> new long[2]);
          row[k[2].equals("posts") ? 0 : 1] += Long.parseLong(k[3]);
        }
      }
    }
    return result;
  }

  /**
   * The fields of a one-line record (split at commas unless it quotes), or null when it is
   * malformed.
   */
  private static List<String> fields(String line) {
    if (line.indexOf('"') < 0) {
      return Arrays.asList(line.split(",", -1));
    }
    CsvRecords.CsvRecord r = CsvRecords.parse(line, ',').get(0);
    return r.error == null ? r.fields : null;
  }

  private static boolean parses(String timestamp) {
    try {
      millis(timestamp);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static long millis(String timestamp) {
    return OffsetDateTime.parse(timestamp).toInstant().toEpochMilli();
  }

  private static String handle(String h) {
    String s = h.startsWith("@") ? h.substring(1) : h;
    return s.toLowerCase(Locale.ROOT);
  }

  private static long count(String cell) {
    return cell.isEmpty() ? 0 : Long.parseLong(cell);
  }

  /**
   * A generated table's records without its header line, read by TextIO (which splits the file
   * across workers at line breaks: safe for the generated files, not for every CSV).
   */
  private static PCollection<String> records(Pipeline p, Path dataset, String table) {
    String name = Character.toUpperCase(table.charAt(0)) + table.substring(1);
    return p.apply("Read" + name, TextIO.read().from(dataset.resolve(table + ".csv").toString()))
        .apply("Skip" + name + "Header", Filter.by((String l) -> !l.startsWith("platform,")));
  }
}
