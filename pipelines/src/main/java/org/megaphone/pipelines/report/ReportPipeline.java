package org.megaphone.pipelines.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.megaphone.attribution.ConfigValue;
import org.megaphone.attribution.CreditViews;
import org.megaphone.attribution.Roster;
import org.megaphone.content.Content;
import org.megaphone.model.Account;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Bulletin;
import org.megaphone.model.FollowerSnapshot;
import org.megaphone.model.Post;
import org.megaphone.model.PostFacts;
import org.megaphone.model.PostInput;
import org.megaphone.model.Reject;
import org.megaphone.model.Stats;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.pipelines.config.Configuration;
import org.megaphone.pipelines.config.ContentConfiguration;
import org.megaphone.pipelines.config.JobConfiguration;
import org.megaphone.pipelines.options.ReportOptions;
import org.megaphone.pipelines.options.Runners;
import org.megaphone.read.InputException;
import org.megaphone.read.InputFile;
import org.megaphone.read.InputFiles;
import org.megaphone.read.Locations;
import org.megaphone.read.ReadTables;
import org.megaphone.read.Table;
import org.megaphone.read.Tables;
import org.megaphone.read.exports.ReadExports;
import org.megaphone.read.exports.Sources;
import org.megaphone.reports.Report;
import org.megaphone.weekly.ChannelGrowth;
import org.megaphone.weekly.FormatReports;
import org.megaphone.weekly.SumPerKey;
import org.megaphone.weekly.SumReports;
import org.megaphone.weekly.TopPostsWeekly;
import org.megaphone.write.ReportFiles;
import org.megaphone.write.ReportRow;
import org.megaphone.write.WriteReports;

/**
 * The {@code report} job: a dataset folder in, the weekly reports of the contract out.
 *
 * <p>{@link #build} reads like the contract: read the tables (the roster, campaigns and overrides
 * are read by the driver, {@link JobConfiguration}), attribute posts, meet each post's rows and
 * views once, sum every weekly report in one keyed sum, write. {@link ReportRun} runs it into a
 * staging folder, checks the counts and publishes.
 */
public final class ReportPipeline {
  /** Internal files the driver reads back to write summary.json. */
  public static final String STATS_FILE = "_stats.csv";

  public static final String WARNINGS_FILE = "_warnings.csv";
  public static final List<String> WARNINGS_HEADER = List.of("warning");
  public static final String INPUTS_FILE = "_inputs.csv";
  public static final List<String> STATS_HEADER = List.of("name", "value");
  public static final List<String> INPUTS_HEADER =
      List.of(
          "table",
          "path",
          "bytes",
          "sha256",
          "rows",
          "rejected",
          "charset",
          "profile",
          "adjustments",
          "number_format");

  private ReportPipeline() {}

  /** Wires the whole report into {@code pipeline}, writing every file into {@code staging}. */
  public static void build(Pipeline pipeline, ReportOptions options, String staging) {
    InputFiles input = input(options, List.of());
    build(
        pipeline,
        options,
        staging,
        input,
        ContentConfiguration.read(input, options.getThemes()).content());
  }

  /**
   * The run's input: the files of {@code --input}, none below {@code --output} or the {@code
   * excluded} folders. A run builds it once; its checks, the driver's reads (configuration,
   * lexicon, claims, the roster for pseudonyms) and the pipeline's reads all use it.
   */
  public static InputFiles input(ReportOptions options, List<String> excluded) {
    return InputFiles.of(options.getInput())
        .excluding(options.getOutput())
        .excluding(excluded.toArray(new String[0]));
  }

  /** As above, with the run's input and its content read by the caller. */
  static void build(
      Pipeline pipeline, ReportOptions options, String staging, InputFiles input, Content content) {
    String zone = options.getTimezone();

    // Read the contract's tables.
    Table<Account> accountsTable = Tables.accounts();
    Table<Post> postsTable = Tables.posts(zone);
    Table<ViewSnapshot> viewsTable = Tables.views(zone);
    Table<Bulletin> bulletinsTable = Tables.bulletins(zone);
    Table<FollowerSnapshot> followersTable = Tables.followers(zone);
    Table<AttributionOverride> overridesTable = Tables.overrides();
    // Posts and views go from the parsers, keyed by post, to their one grouping (CreditViews).
    boolean direct = !Runners.onFlink(options);
    int shards = direct ? options.getShards() : 0;
    ReadTables read =
        new ReadTables(
                input,
                List.of(
                    accountsTable,
                    postsTable,
                    viewsTable,
                    bulletinsTable,
                    followersTable,
                    overridesTable))
            .sending(
                postsTable,
                CreditViews.INPUT,
                CreditViews.inputCoder(),
                CreditViews.keyPosts(shards))
            .sending(
                viewsTable,
                CreditViews.INPUT,
                CreditViews.inputCoder(),
                CreditViews.keyViews(shards));
    PCollectionTuple tables = pipeline.apply("ReadTables", read);
    PCollection<Account> accounts = tables.get(read.rows(accountsTable));
    String exportsFolder = Locations.resolve(input.root(), ReadExports.FOLDER);
    PCollectionTuple exports =
        pipeline.apply(
            "ReadExports",
            new ReadExports(
                    exportsFolder,
                    sources(exportsFolder, zone),
                    options.getProfile().isEmpty() ? null : options.getProfile(),
                    zone)
                .sending(
                    CreditViews.INPUT,
                    CreditViews.inputCoder(),
                    CreditViews.keyPosts(shards),
                    CreditViews.keyViews(shards)));
    PCollection<KV<String, PostInput>> postsAndViews =
        PCollectionList.of(tables.get(CreditViews.INPUT))
            .and(exports.get(CreditViews.INPUT))
            .apply("FlattenPostsAndViews", Flatten.pCollections());

    // Configuration: roster, campaigns, overrides, read by the driver (JobConfiguration).
    Configuration config =
        Configuration.build(
            JobConfiguration.read(
                input, zone, options.getCampaignTags(), options.getBulletinWindow()),
            tables.get(read.rows(bulletinsTable)),
            tables.get(read.rows(overridesTable)));
    ConfigValue<Roster> roster = config.roster();
    PCollection<Bulletin> bulletins = config.bulletins();

    // A post's rows and snapshots meet once: the kept row attributed, its views credited per week.
    PCollection<PostFacts> facts =
        postsAndViews.apply(
            "CreditViews",
            new CreditViews(roster, config.campaigns(), config.overrides(), zone, content));
    PCollection<AttributedPost> posts =
        facts
            .apply(
                "KeepPosts",
                FlatMapElements.into(TypeDescriptor.of(AttributedPost.class))
                    .via(
                        (PostFacts f) ->
                            f.getPost() == null ? List.<AttributedPost>of() : List.of(f.getPost())))
            .setCoder(AttributedPost.WireCoder.INSTANCE);

    // Weekly aggregation: one keyed sum for every weekly report, then its rows.
    PCollectionTuple weekly =
        facts
            .apply("SumReports", new SumReports(bulletins, !direct))
            .apply(
                "FormatReports",
                new FormatReports(
                    roster,
                    bulletins
                        .apply(
                            "KeyBulletinsById",
                            WithKeys.of(Bulletin::getBulletinId)
                                .withKeyType(TypeDescriptors.strings()))
                        .apply("ViewBulletins", View.asMap()),
                    zone));
    PCollectionTuple growth =
        tables
            .get(read.rows(followersTable))
            .apply("AggregateChannelGrowth", new ChannelGrowth(zone));
    PCollection<ReportRow> topPosts =
        posts.apply(
            "AggregateTopPostsWeekly",
            new TopPostsWeekly(options.getBaselinePosts(), options.getShards()));
    PCollection<Reject> rejects =
        PCollectionList.of(tables.get(ReadTables.REJECTS))
            .and(exports.get(ReadExports.REJECTS))
            .and(config.rejects())
            .apply("FlattenRejects", Flatten.pCollections());

    // Counts for summary.json and the conservation check.
    PCollection<InputFile> files =
        PCollectionList.of(tables.get(ReadTables.FILES))
            .and(exports.get(ReadExports.FILES))
            .apply("FlattenInputFiles", Flatten.pCollections());
    PCollection<Map<String, Long>> stats =
        PCollectionList.of(
                accounts
                    .apply(
                        "CountAccounts",
                        MapElements.into(statType())
                            .via(a -> Stats.of("accounts", Stats.ACCEPTED, 1)))
                    .setCoder(statCoder()))
            .and(
                files
                    .apply(
                        "CountRowsRead",
                        FlatMapElements.into(statType())
                            .via(
                                f ->
                                    List.of(
                                        Stats.of(f.getTable(), Stats.READ, f.getRows()),
                                        Stats.of(f.getTable(), Stats.REJECTED, f.getRejected()))))
                    .setCoder(statCoder()))
            .and(config.stats().getAll())
            .and(growth.get(ChannelGrowth.STATS))
            .and(weekly.get(FormatReports.STATS))
            .apply("FlattenStats", Flatten.pCollections())
            .apply(
                "SumStats",
                Combine.globally(new SumPerKey<String, Long>(Math::addExact)).withoutDefaults());

    // Write the reports; the row counts they return join the stats file's neighbours.
    pipeline.apply(
        "WriteReports",
        new WriteReports(staging)
            .addKeyed(
                List.of(
                    Report.ENTITIES_WEEKLY,
                    Report.BULLETIN_UPTAKE,
                    Report.PLATFORMS_WEEKLY,
                    Report.THEMES_WEEKLY,
                    Report.CLAIMS_WEEKLY),
                weekly.get(FormatReports.ROWS))
            .add(Report.CHANNEL_GROWTH, growth.get(ChannelGrowth.ROWS))
            .add(
                Report.POSTS_ATTRIBUTED,
                posts.apply(
                    "FormatPostsAttributed",
                    MapElements.into(TypeDescriptor.of(ReportRow.class)).via(ReportFiles::postRow)))
            .add(Report.TOP_POSTS_WEEKLY, topPosts)
            .add(
                Report.REJECTS,
                rejects.apply(
                    "FormatRejects",
                    MapElements.into(TypeDescriptor.of(ReportRow.class))
                        .via(ReportFiles::rejectRow)))
            .add(
                STATS_FILE,
                STATS_HEADER,
                stats.apply(
                    "FormatStats",
                    FlatMapElements.into(TypeDescriptor.of(ReportRow.class))
                        .via(ReportPipeline::statRows)))
            .add(
                WARNINGS_FILE,
                WARNINGS_HEADER,
                exports
                    .get(ReadExports.WARNINGS)
                    .apply(
                        "FormatWarnings",
                        MapElements.into(TypeDescriptor.of(ReportRow.class))
                            .via((String w) -> ReportRow.create(List.of(w), List.of(w)))))
            .add(
                INPUTS_FILE,
                INPUTS_HEADER,
                files.apply(
                    "FormatInputs",
                    MapElements.into(TypeDescriptor.of(ReportRow.class))
                        .via(ReportPipeline::inputRow))));
  }

  /** exports/sources.csv, read when the pipeline is built (it is small configuration). */
  static Sources sources(String exportsFolder, String zone) {
    String file = Locations.resolve(exportsFolder, Sources.FILE);
    try {
      if (!Locations.exists(file)) {
        return Sources.none();
      }
      return Sources.parse(new String(Locations.read(file), StandardCharsets.UTF_8), zone);
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static TypeDescriptor<KV<String, Long>> statType() {
    return TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs());
  }

  private static KvCoder<String, Long> statCoder() {
    return KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  }

  private static List<ReportRow> statRows(Map<String, Long> stats) {
    List<ReportRow> rows = new ArrayList<>();
    stats.forEach(
        (name, value) ->
            rows.add(ReportRow.create(List.of(name), List.of(name, Long.toString(value)))));
    return rows;
  }

  private static ReportRow inputRow(InputFile f) {
    return ReportRow.create(
        List.of(f.getTable(), f.getPath()),
        List.of(
            f.getTable(),
            f.getPath(),
            Long.toString(f.getBytes()),
            f.getSha256(),
            Long.toString(f.getRows()),
            Long.toString(f.getRejected()),
            f.getCharset(),
            f.getProfile(),
            adjustments(f.getAdjustments()),
            f.getNumberFormat()));
  }

  /** A file's adjustments in _inputs.csv: {@code name=count} joined by ';', in name order. */
  static String adjustments(Map<String, Long> adjustments) {
    StringBuilder cell = new StringBuilder();
    new TreeMap<>(adjustments)
        .forEach(
            (name, count) -> {
              if (cell.length() > 0) {
                cell.append(';');
              }
              cell.append(name).append('=').append(count);
            });
    return cell.toString();
  }

  /** The adjustments of an _inputs.csv cell ({@link #adjustments(Map)}). */
  static Map<String, Long> adjustments(String cell) {
    Map<String, Long> adjustments = new TreeMap<>();
    for (String part : cell.split(";", -1)) {
      if (!part.isEmpty()) {
        int eq = part.lastIndexOf('=');
        adjustments.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
      }
    }
    return adjustments;
  }
}
