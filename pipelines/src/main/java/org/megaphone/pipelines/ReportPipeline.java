package org.megaphone.pipelines;

import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.megaphone.attribution.AttributePosts;
import org.megaphone.attribution.BuildCampaigns;
import org.megaphone.attribution.BuildRoster;
import org.megaphone.attribution.Campaigns;
import org.megaphone.attribution.CreditViews;
import org.megaphone.attribution.Deduplicate;
import org.megaphone.attribution.Roster;
import org.megaphone.attribution.ValidateOverrides;
import org.megaphone.model.Account;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Bulletin;
import org.megaphone.model.FollowerSnapshot;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;
import org.megaphone.model.Stats;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.read.InputFile;
import org.megaphone.read.ReadTable;
import org.megaphone.read.Tables;
import org.megaphone.rules.CodePoints;
import org.megaphone.rules.PostDeduplication;
import org.megaphone.weekly.BulletinUptake;
import org.megaphone.weekly.ChannelGrowth;
import org.megaphone.weekly.EntitiesWeekly;
import org.megaphone.weekly.PlatformsWeekly;
import org.megaphone.write.ReportFiles;
import org.megaphone.write.WriteCsv;
import org.megaphone.write.ReportRow;

/**
 * The {@code report} job: a dataset folder in, the weekly reports of the contract out.
 *
 * <p>{@link #build} reads like the contract: read the tables, build the roster and campaigns,
 * de-duplicate, attribute posts, credit views, aggregate per week, write. {@link ReportRun} runs
 * it into a staging folder, checks the counts and publishes.
 */
public final class ReportPipeline {
  public static final String ENTITIES_WEEKLY = "entities_weekly.csv";
  public static final String BULLETIN_UPTAKE = "bulletin_uptake.csv";
  public static final String PLATFORMS_WEEKLY = "platforms_weekly.csv";
  public static final String CHANNEL_GROWTH = "channel_growth.csv";
  public static final String POSTS_ATTRIBUTED = "posts_attributed.csv";
  public static final String REJECTS = "rejects.csv";
  public static final List<String> REPORTS =
      List.of(ENTITIES_WEEKLY, BULLETIN_UPTAKE, PLATFORMS_WEEKLY, CHANNEL_GROWTH, POSTS_ATTRIBUTED, REJECTS);
  /** Internal files the driver reads back to write summary.json. */
  public static final String STATS_FILE = "_stats.csv";
  public static final String INPUTS_FILE = "_inputs.csv";
  public static final List<String> STATS_HEADER = List.of("name", "value");
  public static final List<String> INPUTS_HEADER =
      List.of("table", "path", "bytes", "sha256", "rows", "rejected");

  private ReportPipeline() {}

  /** Wires the whole report into {@code pipeline}, writing every file into {@code staging}. */
  public static void build(Pipeline pipeline, ReportOptions options, String staging) {
    String input = options.getInput();
    String zone = options.getTimezone();

    // Read the contract's tables.
    ReadTable<Account> readAccounts = new ReadTable<>(input, Tables.accounts(), Account.class);
    ReadTable<Post> readPosts = new ReadTable<>(input, Tables.posts(zone), Post.class);
    ReadTable<ViewSnapshot> readViews = new ReadTable<>(input, Tables.views(zone), ViewSnapshot.class);
    ReadTable<Bulletin> readBulletins = new ReadTable<>(input, Tables.bulletins(zone), Bulletin.class);
    ReadTable<FollowerSnapshot> readFollowers =
        new ReadTable<>(input, Tables.followers(zone), FollowerSnapshot.class);
    ReadTable<AttributionOverride> readOverrides =
        new ReadTable<>(input, Tables.overrides(), AttributionOverride.class);
    PCollectionTuple accounts = pipeline.apply("ReadAccounts", readAccounts);
    PCollectionTuple posts = pipeline.apply("ReadPosts", readPosts);
    PCollectionTuple views = pipeline.apply("ReadViews", readViews);
    PCollectionTuple bulletins = pipeline.apply("ReadBulletins", readBulletins);
    PCollectionTuple followers = pipeline.apply("ReadFollowers", readFollowers);
    PCollectionTuple overrides = pipeline.apply("ReadOverrides", readOverrides);

    // Configuration: roster, campaigns, overrides.
    PCollectionView<Roster> roster = accounts.get(readAccounts.rows).apply("BuildRoster", new BuildRoster());
    Deduplicate<Bulletin> dedupBulletins =
        new Deduplicate<>("bulletins", Bulletin::getBulletinId, ReportPipeline::byRawBulletin);
    PCollectionTuple uniqueBulletins =
        bulletins.get(readBulletins.rows).apply("DeduplicateBulletins", dedupBulletins);
    PCollectionView<Campaigns> campaigns =
        uniqueBulletins
            .get(dedupBulletins.kept)
            .apply(
                "BuildCampaigns",
                new BuildCampaigns(options.getCampaignTags(), options.getBulletinWindow()));
    Deduplicate<AttributionOverride> dedupOverrides =
        new Deduplicate<>("overrides", AttributionOverride::postKey, ReportPipeline::byRawOverride);
    PCollectionTuple uniqueOverrides =
        overrides.get(readOverrides.rows).apply("DeduplicateOverrides", dedupOverrides);
    PCollectionTuple validOverrides =
        uniqueOverrides.get(dedupOverrides.kept).apply("ValidateOverrides", new ValidateOverrides(roster));

    // Posts: de-duplicate, attribute, credit views.
    Deduplicate<Post> dedupPosts =
        new Deduplicate<>("posts", Post::key, PostDeduplication::compare);
    PCollectionTuple uniquePosts = posts.get(readPosts.rows).apply("DeduplicatePosts", dedupPosts);
    PCollection<AttributedPost> attributed =
        uniquePosts
            .get(dedupPosts.kept)
            .apply(
                "AttributePosts",
                new AttributePosts(roster, campaigns, ValidateOverrides.view(validOverrides), zone));
    PCollectionTuple credited =
        attributed.apply("CreditViews", new CreditViews(views.get(readViews.rows), zone));
    PCollection<AttributedPost> postsWithViews = credited.get(CreditViews.POSTS);

    // Weekly aggregation.
    PCollectionTuple entities =
        postsWithViews.apply(
            "AggregateEntitiesWeekly", new EntitiesWeekly(credited.get(CreditViews.CREDITS), roster));
    PCollection<ReportRow> platforms =
        postsWithViews.apply(
            "AggregatePlatformsWeekly", new PlatformsWeekly(credited.get(CreditViews.CREDITS)));
    PCollection<ReportRow> uptake =
        uniqueBulletins
            .get(dedupBulletins.kept)
            .apply("AggregateBulletinUptake", new BulletinUptake(postsWithViews, zone));
    Deduplicate<FollowerSnapshot> dedupFollowers =
        new Deduplicate<>(
            "followers",
            f -> f.channelKey() + "@" + f.getObservedAt(),
            ReportPipeline::byFollowers);
    PCollectionTuple uniqueFollowers =
        followers.get(readFollowers.rows).apply("DeduplicateFollowers", dedupFollowers);
    PCollection<ReportRow> growth =
        uniqueFollowers.get(dedupFollowers.kept).apply("AggregateChannelGrowth", new ChannelGrowth(zone));

    // Write the reports.
    PCollection<Reject> rejects =
        PCollectionList.of(accounts.get(readAccounts.rejects))
            .and(posts.get(readPosts.rejects))
            .and(views.get(readViews.rejects))
            .and(bulletins.get(readBulletins.rejects))
            .and(followers.get(readFollowers.rejects))
            .and(overrides.get(readOverrides.rejects))
            .and(validOverrides.get(ValidateOverrides.REJECTS))
            .apply("FlattenRejects", Flatten.pCollections());
    PCollection<KV<String, Long>> written =
        PCollectionList.of(
                entities
                    .get(EntitiesWeekly.ROWS)
                    .apply("WriteEntitiesWeekly", new WriteCsv(staging, ENTITIES_WEEKLY, EntitiesWeekly.HEADER)))
            .and(uptake.apply("WriteBulletinUptake", new WriteCsv(staging, BULLETIN_UPTAKE, BulletinUptake.HEADER)))
            .and(platforms.apply("WritePlatformsWeekly", new WriteCsv(staging, PLATFORMS_WEEKLY, PlatformsWeekly.HEADER)))
            .and(growth.apply("WriteChannelGrowth", new WriteCsv(staging, CHANNEL_GROWTH, ChannelGrowth.HEADER)))
            .and(
                postsWithViews
                    .apply("FormatPostsAttributed", new ReportFiles.FormatPosts())
                    .apply("WritePostsAttributed", new WriteCsv(staging, POSTS_ATTRIBUTED, ReportFiles.POSTS_HEADER)))
            .and(
                rejects
                    .apply("FormatRejects", new ReportFiles.FormatRejects())
                    .apply("WriteRejects", new WriteCsv(staging, REJECTS, ReportFiles.REJECTS_HEADER)))
            .apply("FlattenWritten", Flatten.pCollections());

    // Counts for summary.json and the conservation check.
    PCollection<InputFile> files =
        PCollectionList.of(accounts.get(readAccounts.files))
            .and(posts.get(readPosts.files))
            .and(views.get(readViews.files))
            .and(bulletins.get(readBulletins.files))
            .and(followers.get(readFollowers.files))
            .and(overrides.get(readOverrides.files))
            .apply("FlattenInputFiles", Flatten.pCollections());
    PCollection<KV<String, Long>> accepted =
        PCollectionList.of(
                accounts
                    .get(readAccounts.rows)
                    .apply("CountAccounts", MapElements.into(statType()).via(a -> Stats.of("accounts", Stats.ACCEPTED, 1))))
            .and(
                uniquePosts
                    .get(dedupPosts.kept)
                    .apply(
                        "TotalPostEngagement",
                        MapElements.into(statType()).via(p -> Stats.of(Stats.POSTS_ENGAGEMENT, p.engagement()))))
            .apply("FlattenAcceptedCounts", Flatten.pCollections())
            .setCoder(statCoder());
    PCollection<KV<String, Long>> stats =
        PCollectionList.of(accepted)
            .and(
                files
                    .apply(
                        "CountRowsRead",
                        org.apache.beam.sdk.transforms.FlatMapElements.into(statType())
                            .via(
                                f ->
                                    List.of(
                                        Stats.of(f.getTable(), Stats.READ, f.getRows()),
                                        Stats.of(f.getTable(), Stats.REJECTED, f.getRejected()))))
                    .setCoder(statCoder()))
            .and(uniqueBulletins.get(Deduplicate.stats))
            .and(uniqueOverrides.get(Deduplicate.stats))
            .and(uniquePosts.get(Deduplicate.stats))
            .and(uniqueFollowers.get(Deduplicate.stats))
            .and(validOverrides.get(ValidateOverrides.STATS))
            .and(credited.get(CreditViews.STATS))
            .and(entities.get(EntitiesWeekly.STATS))
            .and(written)
            .apply("FlattenStats", Flatten.pCollections())
            .apply("SumStats", Sum.longsPerKey());
    stats
        .apply("FormatStats", MapElements.into(TypeDescriptor.of(ReportRow.class)).via(ReportPipeline::statRow))
        .apply("WriteStats", new WriteCsv(staging, STATS_FILE, STATS_HEADER));
    files
        .apply("FormatInputs", MapElements.into(TypeDescriptor.of(ReportRow.class)).via(ReportPipeline::inputRow))
        .apply("WriteInputs", new WriteCsv(staging, INPUTS_FILE, INPUTS_HEADER));
  }

  private static org.apache.beam.sdk.values.TypeDescriptor<KV<String, Long>> statType() {
    return TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs());
  }

  private static KvCoder<String, Long> statCoder() {
    return KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  }

  private static int byRawBulletin(Bulletin a, Bulletin b) {
    return CodePoints.compare(a.getSource().getRecord(), b.getSource().getRecord());
  }

  private static int byRawOverride(AttributionOverride a, AttributionOverride b) {
    return CodePoints.compare(a.getSource().getRecord(), b.getSource().getRecord());
  }

  private static int byFollowers(FollowerSnapshot a, FollowerSnapshot b) {
    return Comparator.comparingLong(FollowerSnapshot::getFollowers).compare(a, b);
  }

  private static ReportRow statRow(KV<String, Long> stat) {
    return ReportRow.create(List.of(stat.getKey()), List.of(stat.getKey(), Long.toString(stat.getValue())));
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
            Long.toString(f.getRejected())));
  }
}
