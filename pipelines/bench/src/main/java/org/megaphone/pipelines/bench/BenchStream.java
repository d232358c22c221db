package org.megaphone.pipelines.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Watch;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.megaphone.model.Post;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.pipelines.archive.Generate;
import org.megaphone.pipelines.options.StreamOptions;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.pipelines.stream.StreamPipeline;
import org.megaphone.pipelines.stream.StreamRun;
import org.megaphone.read.ReadTables;
import org.megaphone.read.Table;
import org.megaphone.read.Tables;
import org.megaphone.stream.WeeklyPanes;

/**
 * {@code megaphone bench --stream}: the events per second the stream job sustains on embedded Flink
 * over a pre-filled folder, next to Beam's own pass-through on the same runner and source.
 *
 * <p>Five jobs read the same posts*.csv and views*.csv files through a folder watch that ends once
 * no new file has appeared for {@link #IDLE} (so each job finishes and its wall time is its
 * throughput):
 *
 * <ul>
 *   <li>{@code stream}: the stream job as {@code megaphone stream --stopAfterIdle} runs it on Flink
 *       (with Flink's object reuse); {@code stream-copy}: the same with every element copied
 *       between chained steps (object reuse off);
 *   <li>{@code passthrough}: Beam's FileIO watch and TextIO, each line counted and dropped;
 *   <li>{@code read}: Megaphone's own watch and CSV parsing, each row counted and dropped;
 *   <li>{@code windowed}: Beam's floor for the stream's shape: the {@code read} job's rows, each
 *       stamped with its event time, through per-post state and then one sum per platform in the
 *       stream's ISO-week windows and triggers (two keyed steps per event).
 * </ul>
 *
 * Each must account for every input row (its counter), or the benchmark fails.
 */
public final class BenchStream {
  private BenchStream() {}

  static final Duration POLL = Duration.millis(200);
  static final Duration IDLE = Duration.millis(500);

  static int run(
      Path dataset, Path work, int warmups, int runs, List<String> engines, PrintStream out)
      throws Exception {
    Table<?> posts = Tables.posts(Generate.ZONE.getId());
    Table<?> views = Tables.views(Generate.ZONE.getId());
    Bench.Input input =
        Bench.Input.of(
            dataset,
            f ->
                posts.matches(f.getFileName().toString())
                    || views.matches(f.getFileName().toString()));
    long events = input.rows();
    long bytes = input.bytes();
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf(
        Locale.ROOT,
        "bench --stream: %,d events (posts and view snapshots, %.1f MB) on embedded Flink, parallelism %d; %d warm-up and %d measured runs each, medians%n",
        events,
        bytes / 1e6,
        cores,
        warmups,
        runs);
    List<String> flink =
        List.of(
            "--runner=FlinkRunner",
            "--flinkMaster=[local]",
            "--parallelism=" + cores,
            "--streaming=true",
            "--checkpointingInterval=10000",
            "--shutdownSourcesAfterIdleMs=0");
    Map<String, Bench.Job> jobs = new LinkedHashMap<>();
    long lines = events + input.files(); // TextIO also reads each file's header line
    // As `megaphone stream --runner=FlinkRunner` runs it, and with every element copied.
    List<String> copy = new ArrayList<>(flink);
    copy.addAll(List.of("--objectReuse=false", "--fasterCopy=false"));
    jobs.put("stream", o -> counted(stream(dataset, o, flink), ReadTables.class, "rows", events));
    jobs.put(
        "stream-copy", o -> counted(stream(dataset, o, copy), ReadTables.class, "rows", events));
    jobs.put(
        "passthrough",
        o -> counted(passThrough(dataset, flink), BenchStream.class, "lines", lines));
    jobs.put("read", o -> counted(readOnly(dataset, flink), ReadTables.class, "rows", events));
    jobs.put("windowed", o -> counted(windowed(dataset, flink), ReadTables.class, "rows", events));

    Map<String, Bench.Measure> medians = new LinkedHashMap<>();
    for (String engine : engines) {
      if (!jobs.containsKey(engine)) {
        throw new UsageException(
            "--engines: no stream engine "
                + engine
                + "; engines: "
                + String.join(",", jobs.keySet()));
      }
      medians.put(
          engine,
          Bench.measure(
              engine, warmups, runs, jobs.get(engine), work.resolve("stream-out-" + engine), out));
    }
    out.printf(
        Locale.ROOT,
        "%n%-12s %9s %9s %12s %10s %10s%n",
        "run",
        "wall s",
        "CPU s",
        "events/s",
        "peak heap",
        "live heap");
    for (Map.Entry<String, Bench.Measure> m : medians.entrySet()) {
      Bench.Measure x = m.getValue();
      out.printf(
          Locale.ROOT,
          "%-12s %9.2f %9.2f %,12.0f %7d MB %7d MB%n",
          m.getKey(),
          x.wall(),
          x.cpu(),
          events / x.wall(),
          x.peakHeap() >> 20,
          x.liveHeap() >> 20);
    }
    for (String stream : List.of("stream", "stream-copy")) {
      for (String base : List.of("passthrough", "read", "windowed")) {
        if (medians.containsKey(stream) && medians.containsKey(base)) {
          out.printf(
              Locale.ROOT,
              "Megaphone %s / %s: %.0f%% of its events/s%n",
              stream,
              base,
              100 * medians.get(base).wall() / medians.get(stream).wall());
        }
      }
    }
    return 0;
  }

  private static PipelineResult stream(Path dataset, Path output, List<String> flink) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input=" + dataset,
                "--output=" + output,
                "--timezone=" + Generate.ZONE,
                "--pollInterval=" + java.time.Duration.ofMillis(POLL.getMillis()),
                "--stopAfterIdle=" + java.time.Duration.ofMillis(IDLE.getMillis())));
    args.addAll(flink);
    PipelineOptionsFactory.register(StreamOptions.class);
    StreamOptions options =
        PipelineOptionsFactory.fromArgs(StreamPipeline.withDefaults(args.toArray(new String[0])))
            .withValidation()
            .as(StreamOptions.class);
    StreamRun.check(options);
    PipelineResult result = StreamPipeline.start(options);
    result.waitUntilFinish();
    return result;
  }

  /** Beam's own read of the same files, watched the same way: every line counted, nothing else. */
  private static PipelineResult passThrough(Path dataset, List<String> flink) {
    Pipeline p = Pipeline.create(options(flink));
    p.apply(
            "MatchFiles",
            FileIO.match()
                .filepattern(dataset + "/{posts,views}*.csv")
                .continuously(POLL, Watch.Growth.afterTimeSinceNewOutput(IDLE)))
        .apply("OpenFiles", FileIO.readMatches())
        .apply("ReadLines", TextIO.readFiles())
        .apply("CountLines", ParDo.of(new CountFn<String>()));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    return result;
  }

  /**
   * Beam's floor for the stream's shape on this runner: Megaphone's own watch and CSV parsing (the
   * {@code read} job); each row, stamped with its event time (published_at of a post, observed_at
   * of a snapshot), meets its post's earlier rows in per-post state (the least any stream needs for
   * duplicates and view gains: here a count), then is counted once in one windowed sum per
   * platform, in the stream's ISO-week windows, triggers and lateness (a replay's). Two keyed steps
   * per event and no rules or files: a stream with per-post state and weekly sums cannot be faster
   * than this with this reader on the same runner.
   */
  private static PipelineResult windowed(Path dataset, List<String> flink) {
    Pipeline p = Pipeline.create(options(flink));
    Table<Post> posts = Tables.posts(Generate.ZONE.getId());
    Table<ViewSnapshot> views = Tables.views(Generate.ZONE.getId());
    ReadTables watch =
        ReadTables.watchingUntilIdle(dataset.toString(), List.of(posts, views), POLL, IDLE);
    PCollectionTuple rows = p.apply("WatchPostsAndViews", watch);
    PCollection<KV<String, String>> postEvents =
        rows.get(watch.rows(posts))
            .apply(
                "StampPosts",
                ParDo.of(new StampFn<>(Post::getPlatform, Post::getPostId, Post::getPublishedAt)));
    PCollection<KV<String, String>> viewEvents =
        rows.get(watch.rows(views))
            .apply(
                "StampViews",
                ParDo.of(
                    new StampFn<>(
                        ViewSnapshot::getPlatform,
                        ViewSnapshot::getPostId,
                        ViewSnapshot::getObservedAt)));
    PCollectionList.of(postEvents)
        .and(viewEvents)
        .apply("FlattenEvents", Flatten.pCollections())
        .apply("MeetPerPost", ParDo.of(new PerPostFn()))
        .apply(
            "WindowIntoIsoWeeks",
            WeeklyPanes.<KV<String, Long>>isoWeeks(
                Generate.ZONE.getId(), Duration.standardMinutes(1), StreamPipeline.REPLAY_LATENESS))
        .apply("SumPerPlatform", Sum.longsPerKey())
        .apply("DropSums", ParDo.of(new DropFn<>()));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    return result;
  }

  /** A row keyed by its post (platform, post_id), with its platform, at its event time. */
  private static final class StampFn<T> extends DoFn<T, KV<String, String>> {
    private final SerializableFunction<T, String> platform;
    private final SerializableFunction<T, String> postId;
    private final SerializableFunction<T, Long> eventTime;

    StampFn(
        SerializableFunction<T, String> platform,
        SerializableFunction<T, String> postId,
        SerializableFunction<T, Long> eventTime) {
      this.platform = platform;
      this.postId = postId;
      this.eventTime = eventTime;
    }

    @ProcessElement
    public void process(@Element T row, OutputReceiver<KV<String, String>> out) {
      String p = platform.apply(row);
      out.outputWithTimestamp(
          KV.of(p + "|" + postId.apply(row), p), new Instant(eventTime.apply(row)));
    }

    @SuppressWarnings("deprecation")
    @Override
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }

  /** Per post, state counts its rows; each row goes on as (platform, 1). */
  private static final class PerPostFn extends DoFn<KV<String, String>, KV<String, Long>> {
    @StateId("rows")
    private final StateSpec<ValueState<Long>> rowsSpec = StateSpecs.value(VarLongCoder.of());

    @ProcessElement
    public void process(
        @Element KV<String, String> row,
        @StateId("rows") ValueState<Long> rows,
        OutputReceiver<KV<String, Long>> out) {
      Long seen = rows.read();
      rows.write(seen == null ? 1 : seen + 1);
      out.output(KV.of(row.getValue(), 1L));
    }
  }

  /**
   * Megaphone's watch and CSV parsing, rows dropped: what the stream's own work adds to reading.
   */
  private static PipelineResult readOnly(Path dataset, List<String> flink) {
    Pipeline p = Pipeline.create(options(flink));
    Table<?> posts = Tables.posts(Generate.ZONE.getId());
    Table<?> views = Tables.views(Generate.ZONE.getId());
    ReadTables watch =
        ReadTables.watchingUntilIdle(dataset.toString(), List.of(posts, views), POLL, IDLE);
    PCollectionTuple rows = p.apply("WatchPostsAndViews", watch);
    rows.get(watch.rows(posts)).apply("DropPosts", ParDo.of(new DropFn<>()));
    rows.get(watch.rows(views)).apply("DropViews", ParDo.of(new DropFn<>()));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    return result;
  }

  private static PipelineOptions options(List<String> flink) {
    return PipelineOptionsFactory.fromArgs(flink.toArray(new String[0])).withValidation().create();
  }

  /**
   * Fails unless the job's counter saw every input row: a job that ended early measured nothing.
   */
  private static Map<String, long[]> counted(
      PipelineResult result, Class<?> namespace, String name, long expected) {
    long seen = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(namespace, name))
                    .build())
            .getCounters()) {
      seen += c.getAttempted();
    }
    if (seen != expected) {
      throw new IllegalStateException(
          "the job counted " + seen + " " + name + ", the input has " + expected);
    }
    return Map.of();
  }

  private static final class CountFn<T> extends DoFn<T, Void> {
    private final Counter lines = Metrics.counter(BenchStream.class, "lines");

    @ProcessElement
    public void process() {
      lines.inc();
    }
  }

  private static final class DropFn<T> extends DoFn<T, Void> {
    @ProcessElement
    public void process() {}
  }
}
