package org.megaphone.pipelines.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.megaphone.attribution.AttributePosts;
import org.megaphone.attribution.ConfigValue;
import org.megaphone.attribution.Roster;
import org.megaphone.content.Content;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.pipelines.config.ContentConfiguration;
import org.megaphone.pipelines.config.JobConfiguration;
import org.megaphone.pipelines.options.StreamOptions;
import org.megaphone.read.InputFiles;
import org.megaphone.read.ReadTables;
import org.megaphone.read.Table;
import org.megaphone.read.Tables;
import org.megaphone.reports.Report;
import org.megaphone.rules.Lateness;
import org.megaphone.stream.CreditIncrementally;
import org.megaphone.stream.PaneRow;
import org.megaphone.stream.RankTopPosts;
import org.megaphone.stream.WeeklyPanes;
import org.megaphone.stream.WriteCurrentFiles;
import org.megaphone.write.ReportFiles;

/**
 * The {@code stream} job: the roster, bulletins and overrides are read from --input when it starts;
 * every posts*.csv and views*.csv file that appears in --input afterwards (or is there already) is
 * read once and credited as in the report job; entities_weekly and platforms_weekly are kept
 * current per ISO week in --output. The same transforms as batch attribute the posts; only the
 * sources, the windowing and the sinks differ.
 */
public final class StreamPipeline {
  private StreamPipeline() {}

  /**
   * The stream's arguments with Flink's object reuse on unless given: no step of the stream mutates
   * an element it has received or emitted, so Flink may hand chained steps the same object instead
   * of a copy made through its coder (a fifth of the stream's time, measured in
   * runbooks/performance.md); StreamParityIT and StreamReplayFlinkIT run with it. The DirectRunner
   * ignores both options.
   */
  public static String[] withDefaults(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    for (String option : List.of("--objectReuse", "--fasterCopy")) {
      if (all.stream().noneMatch(a -> a.equals(option) || a.startsWith(option + "="))) {
        all.add(option + "=true");
      }
    }
    return all.toArray(new String[0]);
  }

  /** Builds and starts the stream; it runs until cancelled, or ends after --stopAfterIdle. */
  public static PipelineResult start(StreamOptions options) {
    options.setStreaming(true);
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (flink.getCheckpointingInterval() == null || flink.getCheckpointingInterval() <= 0) {
      // On Flink, the folder watch and Kafka reads advance with checkpoints: without them a
      // stream on Flink never emits. Ten seconds unless the user chose.
      flink.setCheckpointingInterval(10_000L);
    }
    if (!options.getStopAfterIdle().isEmpty() && flink.getShutdownSourcesAfterIdleMs() < 0) {
      // With checkpointing on, Flink keeps finished sources alive for ever; a stream told to stop
      // must let them go so that the job ends once its last pane is written.
      flink.setShutdownSourcesAfterIdleMs(0L);
    }
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options);
    return pipeline.run();
  }

  public static void build(Pipeline pipeline, StreamOptions options) {
    String zone = options.getTimezone();

    // Configuration, read once, here: its values travel inside the job (see JobConfiguration).
    JobConfiguration configuration = JobConfiguration.read(options);
    Content content =
        ContentConfiguration.read(InputFiles.topLevel(options.getInput()), options.getThemes())
            .content();
    ConfigValue<Roster> roster = ConfigValue.fixed(configuration.roster());
    PCollection<Reject> configRejects =
        pipeline.apply(
            "ConfigurationRejects", Create.of(configuration.rejects()).withCoder(rejectCoder()));

    // Posts and views, as their files arrive (or from Kafka), at their event time.
    Table<Post> postsTable = Tables.posts(zone);
    Table<ViewSnapshot> viewsTable = Tables.views(zone);
    PCollection<Post> postRows;
    PCollection<ViewSnapshot> viewRows;
    PCollection<Reject> rowRejects;
    boolean kafka = !options.getKafkaBootstrap().isEmpty();
    // A live stream rejects, where it reads them, the rows its weekly windows could no longer
    // count, and forgets a post's state once no row can change it (D39). A replay of a folder
    // (--stopAfterIdle) is finite: every row counts and its windows never close early (D38).
    boolean replay = !options.getStopAfterIdle().isEmpty();
    Lateness lateness = replay ? null : new Lateness(zone, options.getAllowedLateness());
    if (kafka) {
      KafkaRows.Read<Post> readPosts =
          new KafkaRows.Read<>(
              options.getKafkaBootstrap(), options.getPostsTopic(), postsTable, lateness);
      KafkaRows.Read<ViewSnapshot> readViews =
          new KafkaRows.Read<>(
              options.getKafkaBootstrap(), options.getViewsTopic(), viewsTable, lateness);
      PCollectionTuple postRecords = pipeline.apply("ReadPostsTopic", readPosts);
      PCollectionTuple viewRecords = pipeline.apply("ReadViewsTopic", readViews);
      postRows = postRecords.get(readPosts.rows);
      viewRows = viewRecords.get(readViews.rows);
      rowRejects =
          PCollectionList.of(postRecords.get(KafkaRows.Read.REJECTS))
              .and(viewRecords.get(KafkaRows.Read.REJECTS))
              .apply("FlattenRecordRejects", Flatten.pCollections());
    } else {
      Duration poll = duration(options.getPollInterval());
      ReadTables watch =
          options.getStopAfterIdle().isEmpty()
              ? ReadTables.watching(options.getInput(), List.of(postsTable, viewsTable), poll)
              : ReadTables.watchingUntilIdle(
                  options.getInput(),
                  List.of(postsTable, viewsTable),
                  poll,
                  duration(options.getStopAfterIdle()));
      PCollectionTuple rows =
          pipeline.apply(
              "WatchPostsAndViews", lateness == null ? watch : watch.rejectingLate(lateness));
      postRows = rows.get(watch.rows(postsTable));
      viewRows = rows.get(watch.rows(viewsTable));
      rowRejects = rows.get(ReadTables.REJECTS);
    }
    PCollection<AttributedPost> posts =
        postRows
            .apply(
                "StampPublication", eventTime((Post p) -> Instant.ofEpochMilli(p.getPublishedAt())))
            .apply(
                "AttributePosts",
                new AttributePosts(
                        roster,
                        ConfigValue.fixed(configuration.campaigns()),
                        ConfigValue.<Map<String, String>>fixed(configuration.overrides()),
                        zone)
                    .withContent(content));
    PCollection<ViewSnapshot> views =
        viewRows.apply(
            "StampObservation",
            eventTime((ViewSnapshot v) -> Instant.ofEpochMilli(v.getObservedAt())));

    // The weekly reports, pane by pane, kept current in the output folder.
    PCollectionTuple credited =
        CreditIncrementally.events(posts, views)
            .apply(
                "CreditIncrementally",
                replay
                    ? new CreditIncrementally()
                    : CreditIncrementally.expiring(
                        zone, options.getAllowedLateness(), options.getStateTtl()));
    PCollection<PaneRow> weekly =
        credited
            .get(CreditIncrementally.CONTRIBUTIONS)
            .apply(
                "AggregateWeeklyPanes",
                new WeeklyPanes(
                    roster,
                    zone,
                    duration(options.getEarlyFiring()),
                    replay ? REPLAY_LATENESS : duration(options.getAllowedLateness())));
    PCollection<PaneRow> topPosts =
        posts.apply("RankTopPosts", new RankTopPosts(options.getBaselinePosts()));
    // Top posts are ranked in the global window: the weekly panes, already fired, join them there.
    PCollection<PaneRow> panes =
        PCollectionList.of(
                weekly.apply("PanesIntoGlobalWindow", WriteCurrentFiles.intoGlobalWindow()))
            .and(topPosts)
            .apply("FlattenReportPanes", Flatten.pCollections());
    PCollection<Reject> rejects =
        PCollectionList.of(configRejects)
            .and(rowRejects)
            .and(credited.get(CreditIncrementally.REJECTS))
            .apply("FlattenRejects", Flatten.pCollections());
    PCollection<PaneRow> rejectRows =
        rejects.apply(
            "FormatRejects",
            MapElements.into(TypeDescriptor.of(PaneRow.class))
                .via(
                    (Reject r) ->
                        PaneRow.create(
                            Report.REJECTS.file(),
                            List.of(
                                "rejects",
                                r.getFile(),
                                String.format(Locale.ROOT, "%020d", r.getLine())),
                            ReportFiles.rejectRow(r).getCells(),
                            "on_time",
                            0,
                            true)));
    panes.apply("WriteLiveReports", new WriteCurrentFiles(options.getOutput()));
    rejectRows.apply("WriteLiveRejects", new WriteCurrentFiles(options.getOutput()));
    if (kafka && !options.getReportsTopic().isEmpty()) {
      KafkaRows.publish(
          KafkaRows.reportRecords(panes), options.getKafkaBootstrap(), options.getReportsTopic());
    }
    if (kafka && !options.getDeadLetterTopic().isEmpty()) {
      KafkaRows.publish(
          KafkaRows.deadLetters(rejects),
          options.getKafkaBootstrap(),
          options.getDeadLetterTopic());
    }
  }

  /** A replay's windows accept any row until the end (Beam caps a window's end plus this). */
  public static final Duration REPLAY_LATENESS = Duration.standardDays(365L * 1000);

  /** An ISO-8601 duration option (checked by StreamRun) as Beam's duration. */
  private static Duration duration(String iso) {
    return Duration.millis(java.time.Duration.parse(iso).toMillis());
  }

  private static Coder<Reject> rejectCoder() {
    return Reject.WireCoder.INSTANCE;
  }

  /**
   * Timestamps rows with their event time; rows of any age are allowed (late ones are dropped
   * downstream).
   */
  @SuppressWarnings("deprecation")
  private static <T> WithTimestamps<T> eventTime(SerializableFunction<T, Instant> fn) {
    return WithTimestamps.of(fn).withAllowedTimestampSkew(Duration.millis(Long.MAX_VALUE));
  }
}
