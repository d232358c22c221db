package org.megaphone.pipelines.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.megaphone.pipelines.archive.Generate;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.pipelines.report.ReportRun;

/**
 * {@code megaphone bench}: generates a dataset ({@link Generate}) and measures, in this JVM, the
 * batch report on the DirectRunner and on embedded Flink against DuckDB and a hand-written single
 * pass doing the report's author-attributed core ({@link BenchReferences}), and a plain Beam
 * pipeline of that core on the same runner ({@link BenchBeam}); prints wall and CPU seconds,
 * rows/s, MB/s, peak and live heap per run (medians of --runs), the ratios, and whether the three
 * agree. runbooks/performance.md holds the figures.
 */
public final class Bench {
  private Bench() {}

  /**
   * One measured run. {@code peakHeap}: the most the heap held, garbage included (it follows the
   * collector's pace and -Xmx more than the job). {@code liveHeap}: the most it held just after a
   * collection, an upper bound of what the job kept (a young collection leaves old garbage); 0 when
   * no collection ran.
   */
  record Measure(double wall, double cpu, long peakHeap, long liveHeap) {}

  /**
   * The largest heap in use right after any garbage collection, from the collectors' notifications.
   */
  static final class LiveHeap implements NotificationListener, AutoCloseable {
    private final AtomicLong max = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    LiveHeap() {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(this, null, null);
          emitters.add(emitter);
        }
      }
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
      if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
        return;
      }
      var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
        if (pool.getType() == MemoryType.HEAP && after != null) {
          used += after.getUsed();
        }
      }
      max.accumulateAndGet(used, Math::max);
    }

    long max() {
      return max.get();
    }

    @Override
    public void close() throws ListenerNotFoundException {
      for (NotificationEmitter e : emitters) {
        e.removeNotificationListener(this);
      }
    }
  }

  /**
   * The CSV files of a dataset that a filter keeps: their data rows (header lines not counted),
   * files and bytes.
   */
  record Input(long rows, long files, long bytes) {
    static Input of(Path dataset, Predicate<Path> keep) throws IOException {
      long rows = 0;
      long files = 0;
      long bytes = 0;
      try (Stream<Path> all = Files.list(dataset)) {
        for (Path f : all.filter(keep).toList()) {
          bytes += Files.size(f);
          files++;
          try (Stream<String> lines = Files.lines(f)) {
            rows += lines.count() - 1;
          }
        }
      }
      return new Input(rows, files, bytes);
    }
  }

  /**
   * A measured run; it returns its figures, or null when they are read from its output folder
   * afterwards.
   */
  interface Job {
    Map<String, long[]> run(Path out) throws Exception;
  }

  static int run(Map<String, String> options, PrintStream out) throws Exception {
    int scale = Integer.parseInt(options.getOrDefault("scale", "10"));
    int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    int warmups = Integer.parseInt(options.getOrDefault("warmup", "1"));
    boolean stream = Boolean.parseBoolean(options.getOrDefault("stream", "false"));
    String defaultEngines =
        stream
            ? "stream,stream-copy,passthrough,read,windowed"
            : "megaphone,duckdb,singlepass,beam";
    List<String> engines = List.of(options.getOrDefault("engines", defaultEngines).split(","));
    Path work = Paths.get(options.getOrDefault("work", "target/bench"));
    Path dataset = work.resolve("scale-" + scale);
    if (!Files.exists(dataset.resolve("views.csv"))) {
      out.printf(Locale.ROOT, "bench: generating scale %d into %s%n", scale, dataset);
      Generate.write(dataset, scale, 1, false);
    }
    if (stream) {
      return BenchStream.run(dataset, work, warmups, runs, engines, out);
    }
    Input input = Input.of(dataset, f -> f.toString().endsWith(".csv"));
    long bytes = input.bytes();
    long rows = input.rows();
    out.printf(
        Locale.ROOT,
        "bench: scale %d: %,d input rows, %.1f MB; %d warm-up and %d measured runs each, medians; %d cores, heap max %,d MB%n",
        scale,
        rows,
        bytes / 1e6,
        warmups,
        runs,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    ZoneId zone = Generate.ZONE;
    Map<String, Job> jobs = new LinkedHashMap<>();
    int cores = Runtime.getRuntime().availableProcessors();
    // What `megaphone report` runs by default for this input (its runner chosen by input size).
    jobs.put("megaphone", o -> megaphone(dataset, o));
    jobs.put("direct", o -> megaphone(dataset, o, "--runner=DirectRunner"));
    jobs.put(
        "flink",
        o ->
            megaphone(
                dataset,
                o,
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=" + cores,
                "--shards=" + Math.max(64, 4 * cores)));
    jobs.put(
        "flink-reuse",
        o ->
            megaphone(
                dataset,
                o,
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=" + cores,
                "--shards=" + Math.max(64, 4 * cores),
                "--objectReuse=true",
                "--fasterCopy=true"));
    jobs.put(
        "flink-datastream",
        o ->
            megaphone(
                dataset,
                o,
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=" + cores,
                "--objectReuse=true",
                "--fasterCopy=true",
                "--useDataStreamForBatch=true"));
    jobs.put("duckdb", o -> BenchReferences.duckDb(dataset, zone));
    jobs.put("singlepass", o -> BenchReferences.singlePass(dataset, zone));
    jobs.put("beam", o -> BenchBeam.run(dataset, o, zone));

    Map<String, Measure> medians = new LinkedHashMap<>();
    Map<String, Map<String, long[]>> results = new LinkedHashMap<>();
    for (String engine : engines) {
      if (!jobs.containsKey(engine)) {
        throw new UsageException(
            "--engines: no engine " + engine + "; engines: " + String.join(",", jobs.keySet()));
      }
      if (engine.equals("duckdb") && !BenchReferences.duckDbAvailable()) {
        out.println(
            "bench: duckdb skipped: the DuckDB JDBC driver is not on the classpath (run ./megaphone bench)");
        continue;
      }
      Job job = jobs.get(engine);
      Path output = work.resolve("out-" + engine);
      medians.put(
          engine,
          measure(engine, warmups, runs, o -> results.put(engine, job.run(o)), output, out));
      if (results.get(engine) == null) {
        // Megaphone's figures are read from its last run's files, after the clock stopped.
        results.put(engine, BenchReferences.megaphone(output));
      }
    }
    out.printf(
        Locale.ROOT,
        "%n%-10s %9s %9s %12s %8s %10s %10s%n",
        "run",
        "wall s",
        "CPU s",
        "rows/s",
        "MB/s",
        "peak heap",
        "live heap");
    for (Map.Entry<String, Measure> m : medians.entrySet()) {
      Measure x = m.getValue();
      out.printf(
          Locale.ROOT,
          "%-10s %9.2f %9.2f %,12.0f %8.1f %7d MB %7d MB%n",
          m.getKey(),
          x.wall(),
          x.cpu(),
          rows / x.wall(),
          bytes / 1e6 / x.wall(),
          x.peakHeap() >> 20,
          x.liveHeap() >> 20);
    }
    for (String megaphone :
        List.of("megaphone", "direct", "flink", "flink-reuse", "flink-datastream")) {
      for (String reference : List.of("duckdb", "singlepass", "beam")) {
        if (medians.containsKey(megaphone) && medians.containsKey(reference)) {
          out.printf(
              Locale.ROOT,
              "Megaphone %s / %s: %.1fx wall%n",
              megaphone,
              reference,
              medians.get(megaphone).wall() / medians.get(reference).wall());
        }
      }
    }
    int code = 0;
    List<String> names = new ArrayList<>(results.keySet());
    for (int i = 1; i < names.size(); i++) {
      String d = BenchReferences.differences(results.get(names.get(0)), results.get(names.get(i)));
      if (d.isEmpty()) {
        out.printf(
            Locale.ROOT,
            "agree: %s and %s (%,d author-attributed week x entity rows and entity views)%n",
            names.get(0),
            names.get(i),
            results.get(names.get(0)).size());
      } else {
        out.printf(Locale.ROOT, "DISAGREE: %s and %s: %s%n", names.get(0), names.get(i), d);
        code = 1;
      }
    }
    return code;
  }

  /**
   * Runs a job --warmup times unmeasured (the JIT and Flink's classes warm up, which would
   * otherwise count against whichever engine runs first), then --runs times, into a fresh folder
   * each time; prints each wall time, returns the median run.
   */
  static Measure measure(
      String engine, int warmups, int runs, Job job, Path output, PrintStream out)
      throws Exception {
    List<Measure> measures = new ArrayList<>();
    for (int i = -warmups; i < runs; i++) {
      ReportRun.deleteRecursively(output);
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      long cpu0 = cpuNanos();
      long t0 = System.nanoTime();
      long live;
      try (LiveHeap liveHeap = new LiveHeap()) {
        job.run(output);
        live = liveHeap.max();
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (cpuNanos() - cpu0) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      if (i < 0) {
        out.printf(Locale.ROOT, "bench: %-11s warm-up: %.2f s (not counted)%n", engine, wall);
        continue;
      }
      measures.add(new Measure(wall, cpu, peak, live));
      out.printf(Locale.ROOT, "bench: %-11s run %d: %.2f s%n", engine, i + 1, wall);
    }
    measures.sort(Comparator.comparingDouble(Measure::wall));
    return measures.get(measures.size() / 2);
  }

  private static Map<String, long[]> megaphone(Path dataset, Path out, String... runner)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input=" + dataset,
                "--output=" + out,
                "--timezone=" + Generate.ZONE,
                "--quiet=true"));
    args.addAll(List.of(runner));
    ReportRun.run(
        Megaphone.parse(
            Megaphone.withLocalDefaults(
                Megaphone.withRunnerForInput(args.toArray(new String[0])))));
    return null;
  }

  private static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
