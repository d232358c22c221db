package org.megaphone.write.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.megaphone.write.html.HtmlReport.TableCounts;
import org.megaphone.write.html.ReportTables.BulletinRow;
import org.megaphone.write.html.ReportTables.RejectGroup;

/**
 * Every figure report.html shows, section by section, as plain values: sums, rankings and cuts are
 * made by {@link ReportPageBuilder}, words, number formats, escaping and charts by {@link
 * ReportPageRenderer}. Text is held as the reports have it (not escaped, not clipped).
 *
 * <p>Lists are unmodifiable copies; a {@code null} in one means "no value" (a week without a
 * follower snapshot, a language a platform had no posts in).
 */
record ReportPage(
    Header header,
    Headline headline,
    Weekly weekly,
    TopEntities topInfluencers,
    TopEntities topMayors,
    Bulletins bulletins,
    Platforms platforms,
    Themes themes,
    Claims claims,
    TopPosts topPosts,
    Channels channels,
    DataQuality quality) {
  /** Influencers and mayors listed in their top tables. */
  static final int TOP_ENTITIES = 10;

  /** Channels drawn in the follower chart (the table lists them all). */
  static final int MAX_CHANNEL_LINES = 8;

  /** Reject reasons listed in the data-quality box. */
  static final int MAX_REJECT_REASONS = 20;

  /** Posts listed among those that beat their account's usual. */
  static final int TOP_POSTS = 20;

  /**
   * The dataset's name, the zone weeks are cut in and every week from the first to the last, gaps
   * included.
   */
  record Header(String dataset, String timezone, List<String> weeks) {
    Header {
      weeks = List.copyOf(weeks);
    }
  }

  /**
   * The period's totals over entities_weekly.csv; {@code campaignShare} is null when there are no
   * posts. Entities that posted and those that carried the campaign leave out the unattributed row.
   */
  record Headline(
      long posts,
      long campaignPosts,
      Double campaignShare,
      long engagement,
      long views,
      long entitiesReached,
      long entitiesPosted,
      long rejectedRows) {}

  /** One role's engagement and views per week of the period (role "" is the unattributed row). */
  record RoleSeries(String role, List<Long> engagement, List<Long> views) {
    RoleSeries {
      engagement = List.copyOf(engagement);
      views = List.copyOf(views);
    }
  }

  /**
   * The weekly charts: the period's weeks and a series per role that has rows, in a fixed role
   * order.
   */
  record Weekly(List<String> weeks, List<RoleSeries> roles) {
    Weekly {
      weeks = List.copyOf(weeks);
      roles = List.copyOf(roles);
    }
  }

  /**
   * One entity's sums over the period and its engagement per week; name, cohort and municipality of
   * its first row.
   */
  record EntityTotals(
      String id,
      String name,
      String cohort,
      String municipality,
      long posts,
      long campaignPosts,
      long engagement,
      long views,
      List<Long> weekly) {
    EntityTotals {
      weekly = List.copyOf(weekly);
    }
  }

  /**
   * The entities of one role with the most engagement (at most {@link #TOP_ENTITIES}), most first;
   * {@code more} is how many of the role are left out.
   */
  record TopEntities(String role, List<String> weeks, List<EntityTotals> top, int more) {
    TopEntities {
      weeks = List.copyOf(weeks);
      top = List.copyOf(top);
    }
  }

  /** A bulletin with a known uptake rate, as a bar: its language as a position in the legend. */
  record UptakeBar(
      String bulletinId, int language, double uptakeRate, long adopters, long audience) {}

  /**
   * The bulletins by language, send time and id; the languages in order; a bar per bulletin with a
   * rate.
   */
  record Bulletins(List<String> languages, List<UptakeBar> bars, List<BulletinRow> rows) {
    Bulletins {
      languages = List.copyOf(languages);
      bars = List.copyOf(bars);
      rows = List.copyOf(rows);
    }
  }

  /** Posts and their engagement on one platform in one language over the period. */
  record PlatformCell(long posts, long engagement) {}

  /** A platform's cells, one per language of {@link Platforms#languages} (null: no row for it). */
  record PlatformRow(String platform, List<PlatformCell> cells) {
    PlatformRow {
      cells = nullable(cells);
    }
  }

  /**
   * Platform × language; {@code maxPosts} is the largest cell's posts as the rows were summed (the
   * shading's scale).
   */
  record Platforms(List<String> languages, List<PlatformRow> rows, long maxPosts) {
    Platforms {
      languages = List.copyOf(languages);
      rows = List.copyOf(rows);
    }
  }

  /** A theme and role's sums over the period and its engagement per week of the period. */
  record ThemeRow(
      String theme, String role, long posts, long engagement, long views, List<Long> weekly) {
    ThemeRow {
      weekly = List.copyOf(weekly);
    }
  }

  /** Theme and role pairs, most engagement first. */
  record Themes(List<ThemeRow> rows) {
    Themes {
      rows = List.copyOf(rows);
    }
  }

  /**
   * A claim on a platform over the period, with the campaign's answers; {@code coverage} is the
   * answers' engagement over the claim's, null when the claim had none.
   */
  record ClaimRow(
      String claimId,
      String platform,
      long posts,
      long engagement,
      long views,
      long answers,
      long answersEngagement,
      Double coverage) {}

  /** Claim and platform pairs in order. */
  record Claims(List<ClaimRow> rows) {
    Claims {
      rows = List.copyOf(rows);
    }
  }

  /** A post that beat its account's usual: its engagement, the account's baseline and the ratio. */
  record TopPost(
      String week,
      String platform,
      String handle,
      String entityId,
      long engagement,
      double baseline,
      double overperformance,
      String postId,
      String url) {}

  /** At most {@link #TOP_POSTS} posts, highest ratio first. */
  record TopPosts(List<TopPost> rows) {
    TopPosts {
      rows = List.copyOf(rows);
    }
  }

  /**
   * A channel's followers at the end of each week of {@link Channels#weeks} (null: no snapshot that
   * week).
   */
  record ChannelLine(String channel, List<Long> followers) {
    ChannelLine {
      followers = nullable(followers);
    }
  }

  /**
   * A channel over the period: its first and last weeks, its followers at the start (the last
   * snapshot before the period, else its first in it) and at the end, and the sum of its gains.
   */
  record ChannelRow(
      String channel,
      String firstWeek,
      String lastWeek,
      Long followersStart,
      Long followersEnd,
      long gained) {}

  /**
   * Channel growth: the weeks from the first to the last snapshot, the {@link #MAX_CHANNEL_LINES}
   * largest channels as lines, and every channel as a row, largest first.
   */
  record Channels(List<String> weeks, List<ChannelLine> lines, List<ChannelRow> rows) {
    Channels {
      weeks = List.copyOf(weeks);
      lines = List.copyOf(lines);
      rows = List.copyOf(rows);
    }
  }

  /**
   * The run's table counts and orphan views, the reject reasons with the most rows (at most {@link
   * #MAX_REJECT_REASONS}; {@code moreReasons} left out) and the rejects file's name.
   */
  record DataQuality(
      List<TableCounts> tables,
      long orphanPosts,
      long orphanSnapshots,
      long orphanViews,
      List<RejectGroup> reasons,
      int moreReasons,
      String rejectsFile) {
    DataQuality {
      tables = List.copyOf(tables);
      reasons = List.copyOf(reasons);
    }
  }

  /** An unmodifiable copy that keeps nulls (List.copyOf refuses them). */
  private static <T> List<T> nullable(List<T> values) {
    return Collections.unmodifiableList(new ArrayList<>(values));
  }
}
