package org.megaphone.write.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.megaphone.rules.Weeks;
import org.megaphone.write.html.ReportPage.Bulletins;
import org.megaphone.write.html.ReportPage.ChannelLine;
import org.megaphone.write.html.ReportPage.ChannelRow;
import org.megaphone.write.html.ReportPage.Channels;
import org.megaphone.write.html.ReportPage.ClaimRow;
import org.megaphone.write.html.ReportPage.Claims;
import org.megaphone.write.html.ReportPage.DataQuality;
import org.megaphone.write.html.ReportPage.EntityTotals;
import org.megaphone.write.html.ReportPage.Header;
import org.megaphone.write.html.ReportPage.Headline;
import org.megaphone.write.html.ReportPage.PlatformCell;
import org.megaphone.write.html.ReportPage.PlatformRow;
import org.megaphone.write.html.ReportPage.Platforms;
import org.megaphone.write.html.ReportPage.RoleSeries;
import org.megaphone.write.html.ReportPage.ThemeRow;
import org.megaphone.write.html.ReportPage.Themes;
import org.megaphone.write.html.ReportPage.TopEntities;
import org.megaphone.write.html.ReportPage.TopPost;
import org.megaphone.write.html.ReportPage.TopPosts;
import org.megaphone.write.html.ReportPage.UptakeBar;
import org.megaphone.write.html.ReportPage.Weekly;
import org.megaphone.write.html.ReportTables.BulletinRow;
import org.megaphone.write.html.ReportTables.ChannelWeek;
import org.megaphone.write.html.ReportTables.ClaimWeek;
import org.megaphone.write.html.ReportTables.EntityWeek;
import org.megaphone.write.html.ReportTables.PlatformWeek;
import org.megaphone.write.html.ReportTables.RejectGroup;
import org.megaphone.write.html.ReportTables.ThemeWeek;
import org.megaphone.write.html.ReportTables.TopPostRow;

/**
 * The figures of report.html computed from a run's reports (runbooks/data-contract.md D34 to D37):
 * every sum, ranking and cut the page shows, one method per section. No markup here; each figure is
 * a sum of report rows, so the page can never show a number the CSVs do not hold.
 */
final class ReportPageBuilder {
  static final String UNATTRIBUTED = "(unattributed)";

  /** The roles of the weekly charts, in the order they are stacked; "" is the unattributed row. */
  static final List<String> ROLES =
      List.of("influencer", "mayor", "government", "organisation", "");

  private ReportPageBuilder() {}

  static ReportPage build(ReportTables t, HtmlReport.Run run, HtmlReport.Quality quality) {
    List<String> weeks = weeks(t);
    return new ReportPage(
        new Header(run.dataset(), run.timezone(), weeks),
        headline(t),
        weekly(t, weeks),
        top(t, weeks, "influencer"),
        top(t, weeks, "mayor"),
        bulletins(t),
        platforms(t),
        themes(t, weeks),
        claims(t),
        topPosts(t),
        channels(t),
        quality(t, run, quality));
  }

  /** Every week from the first to the last with an entity row, gaps included. */
  static List<String> weeks(ReportTables t) {
    TreeSet<String> seen = new TreeSet<>();
    t.entities().forEach(e -> seen.add(e.week()));
    return seen.isEmpty() ? List.of() : Weeks.between(seen.first(), seen.last());
  }

  static Headline headline(ReportTables t) {
    long posts = 0;
    long campaign = 0;
    long engagement = 0;
    long views = 0;
    TreeSet<String> posted = new TreeSet<>();
    TreeSet<String> carried = new TreeSet<>();
    for (EntityWeek e : t.entities()) {
      posts += e.posts();
      campaign += e.campaignPosts();
      engagement += e.engagement();
      views += e.views();
      if (!UNATTRIBUTED.equals(e.entityId()) && e.posts() > 0) {
        posted.add(e.entityId());
        if (e.campaignPosts() > 0) {
          carried.add(e.entityId());
        }
      }
    }
    Double share = posts == 0 ? null : (double) campaign / posts;
    return new Headline(
        posts,
        campaign,
        share,
        engagement,
        views,
        carried.size(),
        posted.size(),
        t.rejects().rows());
  }

  static Weekly weekly(ReportTables t, List<String> weeks) {
    // One pass over the rows; the series then follow ROLES' order, roles without rows left out.
    Map<String, long[][]> byRole = new HashMap<>();
    for (EntityWeek row : t.entities()) {
      long[][] series = byRole.computeIfAbsent(row.role(), r -> new long[2][weeks.size()]);
      int w = weeks.indexOf(row.week());
      series[0][w] += row.engagement();
      series[1][w] += row.views();
    }
    List<RoleSeries> roles = new ArrayList<>();
    for (String role : ROLES) {
      if (byRole.containsKey(role)) {
        roles.add(new RoleSeries(role, boxed(byRole.get(role)[0]), boxed(byRole.get(role)[1])));
      }
    }
    return new Weekly(weeks, roles);
  }

  /** The entities of the role ranked by engagement, ties by id. */
  static TopEntities top(ReportTables t, List<String> weeks, String role) {
    Map<String, Totals> byEntity = new TreeMap<>();
    for (EntityWeek e : t.entities()) {
      if (e.role().equals(role)) {
        byEntity
            .computeIfAbsent(e.entityId(), k -> new Totals(e, weeks.size()))
            .add(e, weeks.indexOf(e.week()));
      }
    }
    List<Totals> ranked = new ArrayList<>(byEntity.values());
    ranked.sort(Comparator.comparingLong((Totals x) -> -x.engagement).thenComparing(x -> x.id));
    List<EntityTotals> top = new ArrayList<>();
    for (Totals e : ranked.subList(0, Math.min(ReportPage.TOP_ENTITIES, ranked.size()))) {
      top.add(
          new EntityTotals(
              e.id,
              e.name,
              e.cohort,
              e.municipality,
              e.posts,
              e.campaignPosts,
              e.engagement,
              e.views,
              boxed(e.weekly)));
    }
    return new TopEntities(role, weeks, top, Math.max(0, ranked.size() - ReportPage.TOP_ENTITIES));
  }

  /** One entity's sums over the period, while they are added up. */
  private static final class Totals {
    final String id;
    final String name;
    final String cohort;
    final String municipality;
    final long[] weekly;
    long posts;
    long campaignPosts;
    long engagement;
    long views;

    Totals(EntityWeek first, int weeks) {
      id = first.entityId();
      name = first.name();
      cohort = first.cohort();
      municipality = first.municipality();
      weekly = new long[weeks];
    }

    Totals add(EntityWeek e, int week) {
      posts += e.posts();
      campaignPosts += e.campaignPosts();
      engagement += e.engagement();
      views += e.views();
      weekly[week] += e.engagement();
      return this;
    }
  }

  /** Bulletins by language, send time and id; a bar for each one whose uptake rate is known. */
  static Bulletins bulletins(ReportTables t) {
    List<BulletinRow> rows = new ArrayList<>(t.bulletins());
    rows.sort(
        Comparator.comparing(BulletinRow::language)
            .thenComparing(BulletinRow::sentAt)
            .thenComparing(BulletinRow::bulletinId));
    List<String> languages =
        new ArrayList<>(new TreeSet<>(rows.stream().map(BulletinRow::language).toList()));
    List<UptakeBar> bars = new ArrayList<>();
    for (BulletinRow b : rows) {
      if (b.uptakeRate() != null) {
        bars.add(
            new UptakeBar(
                b.bulletinId(),
                languages.indexOf(b.language()),
                b.uptakeRate(),
                b.adopters(),
                orZero(b.audience())));
      }
    }
    return new Bulletins(languages, bars, rows);
  }

  /** Posts and engagement per platform and language, platforms and languages in order. */
  static Platforms platforms(ReportTables t) {
    TreeMap<String, TreeMap<String, long[]>> cells = new TreeMap<>();
    TreeSet<String> languages = new TreeSet<>();
    long max = 0;
    for (PlatformWeek p : t.platforms()) {
      long[] c =
          cells
              .computeIfAbsent(p.platform(), k -> new TreeMap<>())
              .computeIfAbsent(p.language(), k -> new long[2]);
      c[0] += p.posts();
      c[1] += p.engagement();
      languages.add(p.language());
      max = Math.max(max, c[0]);
    }
    List<PlatformRow> rows = new ArrayList<>();
    for (Map.Entry<String, TreeMap<String, long[]>> row : cells.entrySet()) {
      List<PlatformCell> line = new ArrayList<>();
      for (String l : languages) {
        long[] c = row.getValue().get(l);
        line.add(c == null ? null : new PlatformCell(c[0], c[1]));
      }
      rows.add(new PlatformRow(row.getKey(), line));
    }
    return new Platforms(new ArrayList<>(languages), rows, max);
  }

  /** Theme and role pairs with their sums and weekly engagement, most engagement first. */
  static Themes themes(ReportTables t, List<String> weeks) {
    Map<Pair, long[]> byTheme = new TreeMap<>(); // (theme, role) -> posts, engagement, views
    Map<Pair, long[]> weekly = new TreeMap<>();
    for (ThemeWeek w : t.themes()) {
      Pair key = new Pair(w.theme(), w.role());
      long[] sums = byTheme.computeIfAbsent(key, k -> new long[3]);
      sums[0] += w.posts();
      sums[1] += w.engagement();
      sums[2] += w.views();
      int i = weeks.indexOf(w.week());
      if (i >= 0) {
        weekly.computeIfAbsent(key, k -> new long[weeks.size()])[i] += w.engagement();
      }
    }
    List<Map.Entry<Pair, long[]>> ranked = new ArrayList<>(byTheme.entrySet());
    ranked.sort(
        Comparator.comparingLong((Map.Entry<Pair, long[]> e) -> -e.getValue()[1])
            .thenComparing(Map.Entry::getKey));
    List<ThemeRow> rows = new ArrayList<>();
    for (Map.Entry<Pair, long[]> e : ranked) {
      Pair key = e.getKey();
      long[] s = e.getValue();
      // A theme with no row in the entities' weeks still gets a (flat) sparkline.
      long[] series = weekly.getOrDefault(e.getKey(), new long[Math.max(1, weeks.size())]);
      rows.add(new ThemeRow(key.first(), key.second(), s[0], s[1], s[2], boxed(series)));
    }
    return new Themes(rows);
  }

  /** Claim and platform pairs summed over the period, with the answers' coverage. */
  static Claims claims(ReportTables t) {
    // (claim, platform) -> posts, engagement, views, counter posts, counter engagement
    Map<Pair, long[]> sums = new TreeMap<>();
    for (ClaimWeek c : t.claims()) {
      long[] s = sums.computeIfAbsent(new Pair(c.claimId(), c.platform()), k -> new long[5]);
      s[0] += c.posts();
      s[1] += c.engagement();
      s[2] += c.views();
      s[3] += c.counterPosts();
      s[4] += c.counterEngagement();
    }
    List<ClaimRow> rows = new ArrayList<>();
    for (Map.Entry<Pair, long[]> e : sums.entrySet()) {
      Pair key = e.getKey();
      long[] s = e.getValue();
      rows.add(
          new ClaimRow(
              key.first(),
              key.second(),
              s[0],
              s[1],
              s[2],
              s[3],
              s[4],
              s[1] == 0 ? null : (double) s[4] / s[1]));
    }
    return new Claims(rows);
  }

  /** The posts with the highest ratio to their baseline over all weeks, ties by week and rank. */
  static TopPosts topPosts(ReportTables t) {
    List<TopPostRow> ranked = new ArrayList<>(t.topPosts());
    ranked.sort(
        Comparator.comparing((TopPostRow r) -> new BigDecimal(r.overperformance()))
            .reversed()
            .thenComparing(TopPostRow::week)
            .thenComparingInt(TopPostRow::rank));
    List<TopPost> rows = new ArrayList<>();
    for (TopPostRow r : ranked.subList(0, Math.min(ReportPage.TOP_POSTS, ranked.size()))) {
      rows.add(
          new TopPost(
              r.week(),
              r.platform(),
              r.handle(),
              r.entityId(),
              r.engagement(),
              Double.parseDouble(r.baseline()),
              Double.parseDouble(r.overperformance()),
              r.postId(),
              r.url()));
    }
    return new TopPosts(rows);
  }

  /** Channels by their last follower count, largest first; lines for the largest. */
  static Channels channels(ReportTables t) {
    if (t.channels().isEmpty()) {
      return new Channels(List.of(), List.of(), List.of());
    }
    TreeMap<String, List<ChannelWeek>> byChannel = new TreeMap<>();
    TreeSet<String> seen = new TreeSet<>();
    for (ChannelWeek c : t.channels()) {
      byChannel.computeIfAbsent(c.platform() + " @" + c.handle(), k -> new ArrayList<>()).add(c);
      seen.add(c.week());
    }
    List<String> weeks = Weeks.between(seen.first(), seen.last());
    List<Map.Entry<String, List<ChannelWeek>>> largest = new ArrayList<>(byChannel.entrySet());
    largest.sort(
        Comparator.comparingLong(
                (Map.Entry<String, List<ChannelWeek>> e) ->
                    -orZero(last(e.getValue()).followersEnd()))
            .thenComparing(Map.Entry::getKey));
    List<ChannelLine> lines = new ArrayList<>();
    for (Map.Entry<String, List<ChannelWeek>> e :
        largest.subList(0, Math.min(ReportPage.MAX_CHANNEL_LINES, largest.size()))) {
      Long[] values = new Long[weeks.size()];
      e.getValue().forEach(c -> values[weeks.indexOf(c.week())] = c.followersEnd());
      lines.add(new ChannelLine(e.getKey(), Arrays.asList(values)));
    }
    List<ChannelRow> rows = new ArrayList<>();
    for (Map.Entry<String, List<ChannelWeek>> e : largest) {
      ChannelWeek first = e.getValue().get(0);
      ChannelWeek last = last(e.getValue());
      long gained = 0;
      for (ChannelWeek c : e.getValue()) {
        gained += c.gained() == null ? 0 : c.gained();
      }
      // The last snapshot before the period, else the first in it: gained is the change since.
      Long start = first.followersStart() != null ? first.followersStart() : first.followersEnd();
      rows.add(
          new ChannelRow(
              e.getKey(), first.week(), last.week(), start, last.followersEnd(), gained));
    }
    return new Channels(weeks, lines, rows);
  }

  private static ChannelWeek last(List<ChannelWeek> rows) {
    return rows.get(rows.size() - 1);
  }

  /** The run's counts, and the reject reasons with the most rows. */
  static DataQuality quality(ReportTables t, HtmlReport.Run run, HtmlReport.Quality q) {
    List<RejectGroup> ranked = new ArrayList<>(t.rejects().groups());
    // Most rows first; equal counts in the order rejects.csv first shows them.
    ranked.sort(Comparator.comparingLong((RejectGroup g) -> -g.rows()));
    return new DataQuality(
        q.tables(),
        q.orphanPosts(),
        q.orphanSnapshots(),
        q.orphanViews(),
        ranked.subList(0, Math.min(ReportPage.MAX_REJECT_REASONS, ranked.size())),
        Math.max(0, ranked.size() - ReportPage.MAX_REJECT_REASONS),
        run.rejectsFile());
  }

  private static List<Long> boxed(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  /**
   * A two-column key (theme and role, claim and platform), ordered by its first column, then its
   * second.
   */
  record Pair(String first, String second) implements Comparable<Pair> {
    @Override
    public int compareTo(Pair o) {
      int c = first.compareTo(o.first);
      return c != 0 ? c : second.compareTo(o.second);
    }
  }
}
