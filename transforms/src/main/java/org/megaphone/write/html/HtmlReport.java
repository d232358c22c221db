package org.megaphone.write.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.megaphone.rules.Weeks;
import org.megaphone.write.html.ReportTables.BulletinRow;
import org.megaphone.write.html.ReportTables.ChannelWeek;
import org.megaphone.write.html.ReportTables.EntityWeek;
import org.megaphone.write.html.ReportTables.PlatformWeek;
import org.megaphone.write.html.ReportTables.RejectGroup;

/**
 * report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) drawn from
 * a run's CSV reports. Its sections, in order: headline figures, weekly engagement and views by
 * role, top influencers, top mayors, bulletin uptake, platform × language, themes, claims and
 * answers, posts that beat their account's usual, channel follower growth and data quality
 * (runbooks/data-contract.md D34; D35 to D37 for themes, claims and top posts).
 *
 * <p>The page is a function of the reports and the run's counts only — no clock, no host, no
 * absolute path — so a rerun that reproduces the CSVs reproduces the page byte for byte. A
 * Content-Security-Policy that forbids every script and fetch backs up the escaping.
 */
public final class HtmlReport {
  public static final String FILE = "report.html";
  static final String UNATTRIBUTED = "(unattributed)";
  static final int TOP_ENTITIES = 10;
  static final int MAX_CHANNEL_LINES = 8;
  static final int MAX_REJECT_REASONS = 20;
  static final int TOP_POSTS = 20;
  private static final List<String> ROLES = List.of("influencer", "mayor", "government", "organisation", "");

  /** What the page says about the run: the dataset, the zone, the rejects file's name. */
  public record Run(String dataset, String timezone, String rejectsFile) {}

  /** One input table's row counts. */
  public record TableCounts(String table, long read, long accepted, long rejected, long duplicates) {}

  /** The counts of the data-quality box that are not in the CSV reports. */
  public record Quality(List<TableCounts> tables, long orphanPosts, long orphanSnapshots, long orphanViews) {}

  private HtmlReport() {}

  /** Reads the reports in the folder and writes report.html next to them. */
  public static void write(Path folder, Run run, Quality quality) throws IOException {
    Files.writeString(folder.resolve(FILE), render(ReportTables.read(folder), run, quality), StandardCharsets.UTF_8);
  }

  public static String render(ReportTables t, Run run, Quality quality) {
    List<String> weeks = weeks(t);
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Megaphone report: ").append(Html.clipped(run.dataset(), 80)).append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n")
        .append("<header><h1>Megaphone report: <bdi>").append(Html.clipped(run.dataset(), 80)).append("</bdi></h1>\n")
        .append("<p class=\"period\">")
        .append(weeks.isEmpty() ? "No posts or views in this period" : "Weeks " + weeks.get(0) + " to " + weeks.get(weeks.size() - 1))
        .append(" · weeks run Monday to Sunday in ").append(Html.clipped(run.timezone(), 40)).append("</p></header>\n");
    headline(page, t);
    weekly(page, t, weeks);
    top(page, t, weeks, "influencer", "top-influencers", "Top influencers");
    top(page, t, weeks, "mayor", "top-mayors", "Top mayors");
    bulletins(page, t);
    platforms(page, t);
    themes(page, t, weeks);
    claims(page, t);
    topPosts(page, t);
    channels(page, t);
    quality(page, t, run, quality);
    page.append("<footer>Drawn by Megaphone from the CSV reports in this folder; each figure is a sum of their rows.</footer>\n")
        .append("</main>\n</body>\n</html>\n");
    return page.toString();
  }

  /** Every week from the first to the last with an entity row, gaps included. */
  static List<String> weeks(ReportTables t) {
    TreeSet<String> seen = new TreeSet<>();
    t.entities().forEach(e -> seen.add(e.week()));
    return seen.isEmpty() ? List.of() : Weeks.between(seen.first(), seen.last());
  }

  private static void headline(StringBuilder page, ReportTables t) {
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
    section(page, "headline", "Headline figures",
        "The period's totals: every post published, the campaign posts among them, what they earned and the rows the run could not use.");
    page.append("<dl class=\"figures\">");
    figure(page, "Posts", Html.number(posts), "published in the period");
    figure(page, "Campaign posts", Html.number(campaign), posts == 0 ? "" : Html.percent((double) campaign / posts) + " of posts");
    figure(page, "Engagement", Html.number(engagement), "likes, comments, shares and saves");
    figure(page, "Views", Html.number(views), "credited in the period");
    figure(page, "Entities reached", Html.number(carried.size()), "carried the campaign, of " + Html.number(posted.size()) + " that posted");
    figure(page, "Rejected rows", Html.number(t.rejects().rows()), "see data quality below");
    page.append("</dl></section>\n");
  }

  private static void figure(StringBuilder page, String name, String value, String note) {
    page.append("<div><dt>").append(name).append("</dt><dd class=\"big\">").append(value)
        .append("</dd><dd class=\"note\">").append(note).append("</dd></div>");
  }

  private static void weekly(StringBuilder page, ReportTables t, List<String> weeks) {
    // One pass over the rows; the series then follow ROLES' order, roles without rows left out.
    Map<String, long[][]> byRole = new java.util.HashMap<>();
    for (EntityWeek row : t.entities()) {
      long[][] series = byRole.computeIfAbsent(row.role(), r -> new long[2][weeks.size()]);
      int w = weeks.indexOf(row.week());
      series[0][w] += row.engagement();
      series[1][w] += row.views();
    }
    Map<String, long[]> engagement = new LinkedHashMap<>();
    Map<String, long[]> views = new LinkedHashMap<>();
    for (String role : ROLES) {
      if (byRole.containsKey(role)) {
        engagement.put(roleName(role), byRole.get(role)[0]);
        views.put(roleName(role), byRole.get(role)[1]);
      }
    }
    section(page, "weekly", "Week by week, by role",
        "Engagement of the posts published each week and views credited each week, stacked by the role of the entity credited.");
    legend(page, new ArrayList<>(engagement.keySet()));
    page.append("<figure>")
        .append(Charts.stackedBars("chart-engagement", "Engagement per week by role",
            "Stacked bars, one per week: likes, comments, shares and saves of the posts published that week, by role.",
            "engagement", weeks, engagement))
        .append("</figure>\n<figure>")
        .append(Charts.stackedBars("chart-views", "Views per week by role",
            "Stacked bars, one per week: views credited that week, by role of the entity credited.",
            "views", weeks, views))
        .append("</figure>\n");
    page.append("<details><summary>The numbers behind the charts</summary><div class=\"scroll\"><table><thead><tr><th>Week</th>");
    engagement.keySet().forEach(r -> page.append("<th class=\"num\">").append(r).append(" engagement</th>"));
    engagement.keySet().forEach(r -> page.append("<th class=\"num\">").append(r).append(" views</th>"));
    page.append("</tr></thead><tbody>");
    for (int w = 0; w < weeks.size(); w++) {
      page.append("<tr><td>").append(weeks.get(w)).append("</td>");
      for (long[] e : engagement.values()) {
        num(page, e[w]);
      }
      for (long[] v : views.values()) {
        num(page, v[w]);
      }
      page.append("</tr>");
    }
    page.append("</tbody></table></div></details></section>\n");
  }

  private static void top(StringBuilder page, ReportTables t, List<String> weeks, String role, String id, String heading) {
    Map<String, Totals> byEntity = new TreeMap<>();
    for (EntityWeek e : t.entities()) {
      if (e.role().equals(role)) {
        byEntity.computeIfAbsent(e.entityId(), k -> new Totals(e, weeks.size())).add(e, weeks.indexOf(e.week()));
      }
    }
    List<Totals> ranked = new ArrayList<>(byEntity.values());
    ranked.sort(Comparator.comparingLong((Totals x) -> -x.engagement).thenComparing(x -> x.id));
    String plural = role + "s";
    section(page, id, heading,
        "The " + TOP_ENTITIES + " " + plural + " whose posts earned the most engagement in the period, with their engagement week by week.");
    if (ranked.isEmpty()) {
      page.append("<p class=\"empty\">No ").append(plural).append(" posted in this period.</p></section>\n");
      return;
    }
    boolean mayors = role.equals("mayor");
    page.append("<div class=\"scroll\"><table><thead><tr><th class=\"num\">#</th><th>Name</th><th>")
        .append(mayors ? "Municipality" : "Cohort")
        .append("</th><th class=\"num\">Posts</th><th class=\"num\">Campaign posts</th><th class=\"num\">Engagement</th>")
        .append("<th class=\"num\">Views</th><th>Engagement per week</th></tr></thead><tbody>");
    for (int i = 0; i < Math.min(TOP_ENTITIES, ranked.size()); i++) {
      Totals e = ranked.get(i);
      page.append("<tr><td class=\"num\">").append(i + 1).append("</td><td class=\"name\" title=\"")
          .append(Html.clipped(e.id, Charts.LABEL)).append("\"><bdi>").append(Html.clipped(e.name, 60)).append("</bdi></td><td><bdi>")
          .append(Html.clipped(mayors ? e.municipality : e.cohort, 40)).append("</bdi></td>");
      num(page, e.posts);
      num(page, e.campaignPosts);
      num(page, e.engagement);
      num(page, e.views);
      StringBuilder label = new StringBuilder(Html.clip(e.name, 60)).append(", engagement per week from ")
          .append(weeks.get(0)).append(" to ").append(weeks.get(weeks.size() - 1)).append(":");
      for (long v : e.weekly) {
        label.append(' ').append(Html.number(v));
      }
      page.append("<td>").append(Charts.sparkline(label.toString(), e.weekly)).append("</td></tr>");
    }
    page.append("</tbody></table></div>");
    if (ranked.size() > TOP_ENTITIES) {
      page.append("<p class=\"more\">").append(Html.number(ranked.size() - TOP_ENTITIES))
          .append(" more in entities_weekly.csv.</p>");
    }
    page.append("</section>\n");
  }

  /** One entity's sums over the period. */
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

  private static void bulletins(StringBuilder page, ReportTables t) {
    section(page, "bulletins", "Bulletin uptake",
        "For each bulletin sent, how many of its audience posted it (adopters) and what share that is (uptake rate), by language.");
    if (t.bulletins().isEmpty()) {
      page.append("<p class=\"empty\">No bulletins in this dataset.</p></section>\n");
      return;
    }
    List<BulletinRow> rows = new ArrayList<>(t.bulletins());
    rows.sort(Comparator.comparing(BulletinRow::language).thenComparing(BulletinRow::sentAt).thenComparing(BulletinRow::bulletinId));
    List<String> languages = new ArrayList<>(new TreeSet<>(rows.stream().map(BulletinRow::language).toList()));
    List<String> labels = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<Integer> colours = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (BulletinRow b : rows) {
      if (b.uptakeRate() != null) {
        labels.add(b.bulletinId());
        values.add(100 * b.uptakeRate());
        texts.add(Html.percent(b.uptakeRate()) + " (" + Html.number(b.adopters()) + " of " + Html.number(orZero(b.audience())) + ")");
        colours.add(languages.indexOf(b.language()));
      }
    }
    if (!labels.isEmpty()) {
      legend(page, languages.stream().map(l -> l.isEmpty() ? "no language" : l).toList());
      page.append("<figure>")
          .append(Charts.horizontalBars("chart-uptake", "Uptake rate per bulletin",
              "Horizontal bars, one per bulletin with a known audience: adopters as a percentage of the audience, coloured by language.",
              "uptake rate, % of the audience", labels, values.stream().mapToDouble(Double::doubleValue).toArray(), texts, colours))
          .append("</figure>\n");
    }
    page.append("<div class=\"scroll\"><table><thead><tr><th>Bulletin</th><th>Language</th><th>Sent</th>")
        .append("<th class=\"num\">Audience</th><th class=\"num\">Adopters</th><th class=\"num\">Uptake</th>")
        .append("<th class=\"num\">Posts</th><th class=\"num\">Engagement</th><th class=\"num\">Views</th>")
        .append("<th class=\"num\">Median hours to post</th></tr></thead><tbody>");
    for (BulletinRow b : rows) {
      page.append("<tr><td class=\"nowrap\"><bdi>").append(Html.clipped(b.bulletinId(), 40)).append("</bdi></td><td>")
          .append(Html.clipped(b.language(), 20)).append("</td><td class=\"nowrap\">").append(Html.clipped(minutes(b.sentAt()), 30)).append("</td>");
      optionalNum(page, b.audience());
      num(page, b.adopters());
      page.append("<td class=\"num\">").append(Html.percent(b.uptakeRate())).append("</td>");
      num(page, b.posts());
      num(page, b.engagement());
      num(page, b.views());
      page.append("<td class=\"num\">")
          .append(b.medianHoursToPost() == null ? "" : Html.decimal(b.medianHoursToPost(), 1)).append("</td></tr>");
    }
    page.append("</tbody></table></div></section>\n");
  }

  private static void platforms(StringBuilder page, ReportTables t) {
    TreeMap<String, TreeMap<String, long[]>> cells = new TreeMap<>();
    TreeSet<String> languages = new TreeSet<>();
    long max = 0;
    for (PlatformWeek p : t.platforms()) {
      long[] c = cells.computeIfAbsent(p.platform(), k -> new TreeMap<>()).computeIfAbsent(p.language(), k -> new long[2]);
      c[0] += p.posts();
      c[1] += p.engagement();
      languages.add(p.language());
      max = Math.max(max, c[0]);
    }
    section(page, "platforms", "Platforms and languages",
        "Posts published on each platform in each language over the period, with their engagement; darker cells hold more posts.");
    if (cells.isEmpty()) {
      page.append("<p class=\"empty\">No posts in this period.</p></section>\n");
      return;
    }
    page.append("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>Platform</th>");
    for (String l : languages) {
      page.append("<th class=\"num\">").append(l.isEmpty() ? "unknown language" : Html.clipped(l, 20)).append("</th>");
    }
    page.append("</tr></thead><tbody>");
    for (Map.Entry<String, TreeMap<String, long[]>> row : cells.entrySet()) {
      page.append("<tr><th>").append(Html.clipped(row.getKey(), 20)).append("</th>");
      for (String l : languages) {
        long[] c = row.getValue().get(l);
        if (c == null) {
          page.append("<td class=\"num\"></td>");
        } else {
          page.append(String.format(java.util.Locale.ROOT,
                  "<td class=\"num\" style=\"background:rgba(0,114,178,%.2f)\">", max == 0 ? 0.08 : 0.08 + 0.42 * c[0] / max))
              .append(Html.number(c[0])).append(" posts<br><small>")
              .append(Html.number(c[1])).append(" engagement</small></td>");
        }
      }
      page.append("</tr>");
    }
    page.append("</tbody></table></div></section>\n");
  }

  private static void themes(StringBuilder page, ReportTables t, List<String> weeks) {
    section(page, "themes", "Themes",
        "What the posts were about: posts, engagement and views per theme of the lexicon and role of the entity credited,"
            + " with the theme's engagement week by week.");
    if (t.themes().isEmpty()) {
      page.append("<p class=\"empty\">No post matched a theme in this period.</p></section>\n");
      return;
    }
    Map<String, long[]> byTheme = new TreeMap<>(); // theme|role -> posts, engagement, views
    Map<String, long[]> weekly = new TreeMap<>();
    for (ReportTables.ThemeWeek w : t.themes()) {
      String key = w.theme() + "\u0000" + w.role();
      long[] sums = byTheme.computeIfAbsent(key, k -> new long[3]);
      sums[0] += w.posts();
      sums[1] += w.engagement();
      sums[2] += w.views();
      int i = weeks.indexOf(w.week());
      if (i >= 0) {
        weekly.computeIfAbsent(key, k -> new long[weeks.size()])[i] += w.engagement();
      }
    }
    List<Map.Entry<String, long[]>> ranked = new ArrayList<>(byTheme.entrySet());
    ranked.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]).thenComparing(Map.Entry::getKey));
    page.append("<div class=\"scroll\"><table><thead><tr><th>Theme</th><th>Role</th><th class=\"num\">Posts</th>")
        .append("<th class=\"num\">Engagement</th><th class=\"num\">Views</th><th>Engagement per week</th></tr></thead><tbody>");
    for (Map.Entry<String, long[]> e : ranked) {
      String[] key = e.getKey().split("\u0000", -1);
      page.append("<tr><td><bdi>").append(Html.clipped(key[0].replace('_', ' '), 40)).append("</bdi></td><td>")
          .append(Html.clipped(roleName(key[1]), 20)).append("</td>");
      num(page, e.getValue()[0]);
      num(page, e.getValue()[1]);
      num(page, e.getValue()[2]);
      long[] series = weekly.getOrDefault(e.getKey(), new long[Math.max(1, weeks.size())]);
      page.append("<td>").append(Charts.sparkline(Html.clip(key[0], 40) + " (" + roleName(key[1]) + "), engagement per week", series))
          .append("</td></tr>");
    }
    page.append("</tbody></table></div></section>\n");
  }

  private static void claims(StringBuilder page, ReportTables t) {
    section(page, "claims", "Claims and answers",
        "Where each known false claim spread (posts that are not campaign posts carrying it) and whether the campaign's"
            + " own posts answered it on the same platform: coverage is the answer's engagement over the claim's.");
    if (t.claims().isEmpty()) {
      page.append("<p class=\"empty\">No post carried a known claim in this period (claims.csv lists them).</p></section>\n");
      return;
    }
    Map<String, long[]> sums = new TreeMap<>(); // claim|platform -> posts, engagement, views, counter posts, counter engagement
    for (ReportTables.ClaimWeek c : t.claims()) {
      long[] s = sums.computeIfAbsent(c.claimId() + "\u0000" + c.platform(), k -> new long[5]);
      s[0] += c.posts();
      s[1] += c.engagement();
      s[2] += c.views();
      s[3] += c.counterPosts();
      s[4] += c.counterEngagement();
    }
    page.append("<div class=\"scroll\"><table><thead><tr><th>Claim</th><th>Platform</th><th class=\"num\">Posts</th>")
        .append("<th class=\"num\">Engagement</th><th class=\"num\">Views</th><th class=\"num\">Answers</th>")
        .append("<th class=\"num\">Answers' engagement</th><th class=\"num\">Coverage</th></tr></thead><tbody>");
    for (Map.Entry<String, long[]> e : sums.entrySet()) {
      String[] key = e.getKey().split("\u0000", -1);
      long[] s = e.getValue();
      page.append("<tr><td><bdi>").append(Html.clipped(key[0], 40)).append("</bdi></td><td>").append(Html.clipped(key[1], 20)).append("</td>");
      for (long v : s) {
        num(page, v);
      }
      page.append("<td class=\"num\">").append(s[1] == 0 ? "" : Html.percent((double) s[4] / s[1])).append("</td></tr>");
    }
    page.append("</tbody></table></div></section>\n");
  }

  private static void topPosts(StringBuilder page, ReportTables t) {
    section(page, "top-posts", "Posts that beat their account's usual",
        "The posts of the period with the highest engagement against the median of the same account's previous posts"
            + " (their baseline), " + TOP_POSTS + " at most.");
    if (t.topPosts().isEmpty()) {
      page.append("<p class=\"empty\">No post had a baseline in this period (it takes 3 earlier posts of the account).</p></section>\n");
      return;
    }
    List<ReportTables.TopPostRow> ranked = new ArrayList<>(t.topPosts());
    ranked.sort(
        Comparator.comparing((ReportTables.TopPostRow r) -> new java.math.BigDecimal(r.overperformance()))
            .reversed()
            .thenComparing(ReportTables.TopPostRow::week)
            .thenComparingInt(ReportTables.TopPostRow::rank));
    page.append("<div class=\"scroll\"><table><thead><tr><th>Week</th><th>Account</th><th>Entity</th>")
        .append("<th class=\"num\">Engagement</th><th class=\"num\">Baseline</th><th class=\"num\">× usual</th><th>Post</th></tr></thead><tbody>");
    for (ReportTables.TopPostRow r : ranked.subList(0, Math.min(TOP_POSTS, ranked.size()))) {
      page.append("<tr><td>").append(Html.clipped(r.week(), 10)).append("</td><td><bdi>")
          .append(Html.clipped(r.platform() + " @" + r.handle(), 50)).append("</bdi></td><td><bdi>")
          .append(Html.clipped(r.entityId(), 40)).append("</bdi></td>");
      num(page, r.engagement());
      page.append("<td class=\"num\">").append(Html.decimal(Double.parseDouble(r.baseline()), 1)).append("</td>")
          .append("<td class=\"num\">").append(Html.decimal(Double.parseDouble(r.overperformance()), 1)).append("×</td><td>");
      String href = Html.safeHref(r.url());
      if (href != null) {
        page.append("<a href=\"").append(href).append("\" rel=\"noopener noreferrer\">open</a>");
      } else {
        page.append(Html.clipped(r.postId(), 30));
      }
      page.append("</td></tr>");
    }
    page.append("</tbody></table></div></section>\n");
  }

  private static void channels(StringBuilder page, ReportTables t) {
    section(page, "channels", "Channel follower growth",
        "Followers of the campaign's own channels at the end of each week with a snapshot, and what they gained"
            + " week on week (the " + MAX_CHANNEL_LINES + " largest channels are drawn; the table lists them all).");
    if (t.channels().isEmpty()) {
      page.append("<p class=\"empty\">No follower snapshots in this period.</p></section>\n");
      return;
    }
    TreeMap<String, List<ChannelWeek>> byChannel = new TreeMap<>();
    TreeSet<String> seen = new TreeSet<>();
    for (ChannelWeek c : t.channels()) {
      byChannel.computeIfAbsent(c.platform() + " @" + c.handle(), k -> new ArrayList<>()).add(c);
      seen.add(c.week());
    }
    List<String> weeks = Weeks.between(seen.first(), seen.last());
    List<Map.Entry<String, List<ChannelWeek>>> largest = new ArrayList<>(byChannel.entrySet());
    largest.sort(Comparator.comparingLong((Map.Entry<String, List<ChannelWeek>> e) -> -orZero(last(e.getValue()).followersEnd()))
        .thenComparing(Map.Entry::getKey));
    Map<String, Long[]> lines = new LinkedHashMap<>();
    for (Map.Entry<String, List<ChannelWeek>> e : largest.subList(0, Math.min(MAX_CHANNEL_LINES, largest.size()))) {
      Long[] values = new Long[weeks.size()];
      e.getValue().forEach(c -> values[weeks.indexOf(c.week())] = c.followersEnd());
      lines.put(e.getKey(), values);
    }
    legend(page, new ArrayList<>(lines.keySet()));
    page.append("<figure>")
        .append(Charts.lines("chart-followers", "Followers at the end of each week",
            "Lines, one per channel, a point per week with a follower snapshot: the last snapshot before the week ended.",
            "followers", weeks, lines))
        .append("</figure>\n");
    page.append("<div class=\"scroll\"><table><thead><tr><th>Channel</th><th>First week</th><th>Last week</th>")
        .append("<th class=\"num\">Followers at start</th><th class=\"num\">Followers, last week</th>")
        .append("<th class=\"num\">Gained</th></tr></thead><tbody>");
    for (Map.Entry<String, List<ChannelWeek>> e : largest) {
      ChannelWeek first = e.getValue().get(0);
      ChannelWeek last = last(e.getValue());
      long gained = 0;
      for (ChannelWeek c : e.getValue()) {
        gained += c.gained() == null ? 0 : c.gained();
      }
      page.append("<tr><td><bdi>").append(Html.clipped(e.getKey(), 60)).append("</bdi></td><td>")
          .append(Html.clipped(first.week(), 10)).append("</td><td>").append(Html.clipped(last.week(), 10)).append("</td>");
      // The last snapshot before the period, else the first in it: gained is the change since.
      optionalNum(page, first.followersStart() != null ? first.followersStart() : first.followersEnd());
      optionalNum(page, last.followersEnd());
      page.append("<td class=\"num\">").append(signed(gained)).append("</td></tr>");
    }
    page.append("</tbody></table></div></section>\n");
  }

  private static ChannelWeek last(List<ChannelWeek> rows) {
    return rows.get(rows.size() - 1);
  }

  private static void quality(StringBuilder page, ReportTables t, Run run, Quality q) {
    section(page, "quality", "Data quality",
        "What the run could not use: rows rejected, by table and reason, duplicates dropped and views of posts that are not in the data.");
    page.append("<div class=\"scroll\"><table><thead><tr><th>Table</th><th class=\"num\">Read</th><th class=\"num\">Accepted</th>")
        .append("<th class=\"num\">Rejected</th><th class=\"num\">Duplicates</th></tr></thead><tbody>");
    for (TableCounts c : q.tables()) {
      page.append("<tr><td>").append(Html.text(c.table())).append("</td>");
      num(page, c.read());
      num(page, c.accepted());
      num(page, c.rejected());
      num(page, c.duplicates());
      page.append("</tr>");
    }
    page.append("</tbody></table></div>");
    page.append("<p>Orphan views: ").append(Html.number(q.orphanViews())).append(" views in ")
        .append(Html.number(q.orphanSnapshots())).append(" snapshots of ").append(Html.number(q.orphanPosts()))
        .append(" posts that are not in the posts table (not credited to anyone).</p>");
    if (t.rejects().groups().isEmpty()) {
      page.append("<p>No rows were rejected.</p>");
    } else {
      List<RejectGroup> ranked = new ArrayList<>(t.rejects().groups());
      // Most rows first; equal counts in the order rejects.csv first shows them.
      ranked.sort(Comparator.comparingLong((RejectGroup g) -> -g.rows()));
      page.append("<div class=\"scroll\"><table><thead><tr><th>Table</th><th>Reason</th><th class=\"num\">Rows</th>")
          .append("<th>First seen</th></tr></thead><tbody>");
      for (RejectGroup g : ranked.subList(0, Math.min(MAX_REJECT_REASONS, ranked.size()))) {
        page.append("<tr><td>").append(Html.clipped(g.table(), 20)).append("</td><td><bdi>")
            .append(Html.clipped(g.reason(), 80)).append("</bdi></td>");
        num(page, g.rows());
        page.append("<td><bdi>").append(Html.clipped(g.firstFile(), 60)).append("</bdi> line ")
            .append(Html.number(g.firstLine())).append("</td></tr>");
      }
      page.append("</tbody></table></div>");
      if (ranked.size() > MAX_REJECT_REASONS) {
        page.append("<p class=\"more\">").append(Html.number(ranked.size() - MAX_REJECT_REASONS)).append(" more reasons.</p>");
      }
    }
    page.append("<p>Every rejected row, with its file, line, reason and raw record: <a href=\"")
        .append(Html.text(run.rejectsFile())).append("\">").append(Html.text(run.rejectsFile()))
        .append("</a> in this folder.</p></section>\n");
  }

  /** 2020-03-16T09:00:00+02:00 → 2020-03-16 09:00 (the zone is in the page header). */
  private static String minutes(String timestamp) {
    return timestamp.length() >= 16 ? timestamp.substring(0, 16).replace('T', ' ') : timestamp;
  }

  private static String roleName(String role) {
    return role.isEmpty() ? "unattributed" : role;
  }

  private static String signed(long v) {
    return (v > 0 ? "+" : "") + Html.number(v);
  }

  private static void section(StringBuilder page, String id, String heading, String sentence) {
    page.append("<section id=\"").append(id).append("\"><h2>").append(heading).append("</h2><p class=\"lead\">")
        .append(sentence).append("</p>");
  }

  private static void legend(StringBuilder page, List<String> names) {
    page.append("<ul class=\"legend\">");
    for (int i = 0; i < names.size(); i++) {
      page.append("<li><span class=\"swatch\" style=\"background:").append(Charts.colour(i)).append("\"></span><bdi>")
          .append(Html.clipped(names.get(i), 60)).append("</bdi></li>");
    }
    page.append("</ul>");
  }

  private static void optionalNum(StringBuilder page, Long value) {
    page.append("<td class=\"num\">").append(value == null ? "" : Html.number(value)).append("</td>");
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static void num(StringBuilder page, long value) {
    page.append("<td class=\"num\">").append(Html.number(value)).append("</td>");
  }

  private static final String CSS =
      """
      :root{--ink:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#f6f7f9;--card:#fff;--accent:#0072B2}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
      main{max-width:1100px;margin:0 auto;padding:16px}
      header h1{font-size:1.6rem;margin:.3em 0 .1em;overflow-wrap:anywhere}
      .period,.lead,.note,.more,footer{color:var(--muted)}
      section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:16px 0}
      h2{font-size:1.2rem;margin:.2em 0}
      .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0}
      .figures div{border-left:4px solid var(--accent);padding:4px 10px}
      dt{font-weight:600}dd{margin:0}.big{font-size:1.6rem;font-variant-numeric:tabular-nums}.note{font-size:.85rem}
      figure{margin:8px 0;overflow-x:auto}
      svg.chart{width:100%;min-width:540px;height:auto;display:block}
      svg text{font-size:11px;fill:var(--muted)}
      .grid{stroke:#e6e9ef}.axis{stroke:#9aa3b2}
      .legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 16px}.legend li{overflow-wrap:anywhere;max-width:100%}
      .swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
      .scroll{overflow-x:auto}
      table{border-collapse:collapse;width:100%;min-width:540px;font-size:.9rem}
      th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
      td{overflow-wrap:break-word}td.name{min-width:9em}
      .num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}.nowrap{white-space:nowrap}
      .matrix td{min-width:7em}
      details summary{cursor:pointer;color:var(--accent);margin:6px 0}
      a{color:var(--accent)}
      @media (max-width:600px){main{padding:8px}section{padding:8px}.big{font-size:1.3rem}}
      @media print{body{background:#fff;font-size:11pt}section{break-inside:avoid;border:none;padding:0}details{display:none}a{color:inherit}}
      """
          .replace("\n", "");
}
