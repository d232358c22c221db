package org.megaphone.weekly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.megaphone.attribution.ConfigValue;
import org.megaphone.attribution.Roster;
import org.megaphone.model.Account;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Bulletin;
import org.megaphone.model.PostFacts;
import org.megaphone.model.SourceRef;
import org.megaphone.write.ReportRow;

/**
 * Builders for the facts of attributed posts, and the report job's weekly steps as it wires them
 * ({@link SumReports}, then {@link FormatReports} with the roster and the bulletins by id), so that
 * each weekly report's test states only its rows.
 */
final class WeeklyReportsFixture {
  private WeeklyReportsFixture() {}

  static long at(String isoInstant) {
    return Instant.parse(isoInstant).toEpochMilli();
  }

  /** A roster account with the display attributes entities_weekly shows. */
  static Account account(
      String platform,
      String handle,
      String entityId,
      String name,
      String role,
      String cohort,
      String municipality,
      long line) {
    return Account.create(
        platform,
        handle,
        entityId,
        name,
        role,
        cohort,
        municipality,
        null,
        null,
        List.of(),
        false,
        SourceRef.create("accounts.csv", line, platform + "," + handle + "," + entityId));
  }

  static Roster roster(Account... accounts) {
    return Roster.of(List.of(accounts));
  }

  static Bulletin bulletin(
      String id, String campaign, String sentAt, String language, Long audience) {
    return Bulletin.create(
        id,
        campaign,
        at(sentAt),
        language,
        audience,
        List.of("koronafaktat"),
        List.of(),
        null,
        SourceRef.create("bulletins.csv", 2, id));
  }

  static PostFacts.WeekViews views(String week, long views, long snapshots) {
    return new PostFacts.WeekViews(week, views, snapshots);
  }

  /** One post row, its snapshots all distinct: views credited per week as given. */
  static PostFacts facts(AttributedPost post, PostFacts.WeekViews... weeks) {
    return facts(post, 1, 0, weeks);
  }

  /**
   * A post read in {@code postRows} rows, with {@code duplicateSnapshots} snapshot rows dropped.
   */
  static PostFacts facts(
      AttributedPost post, long postRows, long duplicateSnapshots, PostFacts.WeekViews... weeks) {
    long views = 0;
    long snapshots = 0;
    for (PostFacts.WeekViews w : weeks) {
      views += w.views();
      snapshots += w.snapshots();
    }
    return PostFacts.create(
        post.kept(views), List.of(weeks), postRows, snapshots, duplicateSnapshots, views);
  }

  /** Snapshots of a post that is not in the posts table. */
  static PostFacts orphan(long snapshots, long views) {
    return PostFacts.create(null, List.of(), 0, snapshots, 0, views);
  }

  static PostBuilder post(String platform, String postId) {
    return new PostBuilder(platform, postId);
  }

  /** An attributed post: by default an author's post of 2020-W13 in Finnish, with no counts. */
  static final class PostBuilder {
    private final String platform;
    private final String postId;
    private String handle = "someone";
    private String entityId = AttributedPost.UNATTRIBUTED;
    private String reason = "none";
    private String role;
    private String week = "2020-W13";
    private long publishedAt = at("2020-03-24T10:00:00Z");
    private String language = "fi";
    private long likes;
    private long comments;
    private long shares;
    private long saves;
    private Long followers;
    private boolean campaign;
    private String bulletinId;
    private List<String> themes = List.of();
    private List<String> claims = List.of();

    private PostBuilder(String platform, String postId) {
      this.platform = platform;
      this.postId = postId;
    }

    /** Credited to its author's entity. */
    PostBuilder by(String handle, String entityId, String role) {
      this.handle = handle;
      this.entityId = entityId;
      this.reason = "author";
      this.role = role;
      return this;
    }

    /** An author outside the roster, mentioning no one: (unattributed), no role. */
    PostBuilder unattributed(String handle) {
      this.handle = handle;
      this.entityId = AttributedPost.UNATTRIBUTED;
      this.reason = "none";
      this.role = null;
      return this;
    }

    PostBuilder week(String week) {
      this.week = week;
      return this;
    }

    PostBuilder published(String isoInstant, String week) {
      this.publishedAt = at(isoInstant);
      this.week = week;
      return this;
    }

    PostBuilder language(String language) {
      this.language = language;
      return this;
    }

    PostBuilder counts(long likes, long comments, long shares, long saves) {
      this.likes = likes;
      this.comments = comments;
      this.shares = shares;
      this.saves = saves;
      return this;
    }

    /** The followers its engagement rate is computed with (null: not rated). */
    PostBuilder followers(Long followers) {
      this.followers = followers;
      return this;
    }

    /** A campaign post credited to no bulletin. */
    PostBuilder campaign() {
      this.campaign = true;
      return this;
    }

    /** A campaign post credited to a bulletin. */
    PostBuilder bulletin(String bulletinId) {
      this.campaign = true;
      this.bulletinId = bulletinId;
      return this;
    }

    PostBuilder themes(String... themes) {
      this.themes = List.of(themes);
      return this;
    }

    PostBuilder claims(String... claims) {
      this.claims = List.of(claims);
      return this;
    }

    AttributedPost build() {
      return AttributedPost.create(
          platform,
          postId,
          handle,
          publishedAt,
          week,
          entityId,
          reason,
          campaign,
          bulletinId,
          language,
          likes,
          comments,
          shares,
          saves,
          followers,
          0L,
          null,
          postId,
          SourceRef.create("posts.csv", 2, postId),
          role,
          null,
          themes,
          claims);
    }
  }

  /**
   * The report job's weekly steps over these facts: {@link SumReports} ({@code perKey} false is the
   * DirectRunner's one map, true Flink's Combine.perKey), then {@link FormatReports}.
   */
  static PCollectionTuple sumAndFormat(
      TestPipeline p,
      List<PostFacts> facts,
      List<Bulletin> bulletins,
      Roster roster,
      String zone,
      boolean perKey) {
    PCollection<Bulletin> bulletinRows =
        p.apply(
            "CreateBulletins",
            Create.of(new ArrayList<>(bulletins)).withCoder(Bulletin.WireCoder.INSTANCE));
    PCollectionView<Map<String, Bulletin>> byId =
        bulletinRows
            .apply(
                "KeyBulletinsById",
                WithKeys.of(Bulletin::getBulletinId).withKeyType(TypeDescriptors.strings()))
            .apply("ViewBulletins", View.asMap());
    return p.apply(
            "CreateFacts",
            Create.of(new ArrayList<>(facts)).withCoder(PostFacts.WireCoder.INSTANCE))
        .apply("SumReports", new SumReports(bulletinRows, perKey))
        .apply("FormatReports", new FormatReports(ConfigValue.fixed(roster), byId, zone));
  }

  /** The rows of one report file, each as its cells joined by commas. */
  static PCollection<String> rows(PCollectionTuple formatted, String file) {
    return formatted
        .get(FormatReports.ROWS)
        .apply(
            "KeepRowsOf " + file,
            Filter.by((KV<String, ReportRow> row) -> row.getKey().equals(file)))
        .apply(
            "ShowRowsOf " + file,
            MapElements.into(TypeDescriptors.strings())
                .via((KV<String, ReportRow> row) -> String.join(",", row.getValue().getCells())));
  }

  /** The counts FormatReports passes on, summed per name. */
  static PCollection<KV<String, Long>> stats(PCollectionTuple formatted) {
    return formatted.get(FormatReports.STATS).apply("SumStats", Sum.longsPerKey());
  }
}
