package org.megaphone.write.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.megaphone.write.html.HtmlReport.TableCounts;
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
import org.megaphone.write.html.ReportTables.RejectGroup;

/**
 * report.html's markup drawn from a {@link ReportPage}, one method per section in page order. No
 * figure is computed here: the methods choose words, format numbers and escape text (every string
 * from the data goes through {@link Html#text} or {@link Html#clipped}). The style sheet is
 * report.css next to this class, inlined so the page fetches nothing.
 */
final class ReportPageRenderer {
  static final String CSS_RESOURCE = "report.css";

  /** The style sheet as one line, as the page inlines it. */
  static final String CSS = css();

  private ReportPageRenderer() {}

  static String render(ReportPage model) {
    StringBuilder page = new StringBuilder(64 * 1024);
    head(page, model.header());
    headline(page, model.headline());
    weekly(page, model.weekly());
    topEntities(page, model.topInfluencers(), "top-influencers", "Top influencers");
    topEntities(page, model.topMayors(), "top-mayors", "Top mayors");
    bulletins(page, model.bulletins());
    platforms(page, model.platforms());
    themes(page, model.themes());
    claims(page, model.claims());
    topPosts(page, model.topPosts());
    channels(page, model.channels());
    quality(page, model.quality());
    page.append(
            "<footer>Drawn by Megaphone from the CSV reports in this folder; each figure is a sum of their rows.</footer>\n")
        .append("</main>\n</body>\n</html>\n");
    return page.toString();
  }

  /** The document's head (policy, title, style sheet) and the page header with the period. */
  static void head(StringBuilder page, Header h) {
    List<String> weeks = h.weeks();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Megaphone report: ")
        .append(Html.clipped(h.dataset(), 80))
        .append("</title>\n")
        .append("<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n")
        .append("<header><h1>Megaphone report: <bdi>")
        .append(Html.clipped(h.dataset(), 80))
        .append("</bdi></h1>\n")
        .append("<p class=\"period\">")
        .append(
            weeks.isEmpty()
                ? "No posts or views in this period"
                : "Weeks " + weeks.get(0) + " to " + weeks.get(weeks.size() - 1))
        .append(" · weeks run Monday to Sunday in ")
        .append(Html.clipped(h.timezone(), 40))
        .append("</p></header>\n");
  }

  static void headline(StringBuilder page, Headline h) {
    section(
        page,
        "headline",
        "Headline figures",
        "The period's totals: every post published, the campaign posts among them, what they earned and the rows the run could not use.");
    page.append("<dl class=\"figures\">");
    figure(page, "Posts", Html.number(h.posts()), "published in the period");
    figure(
        page,
        "Campaign posts",
        Html.number(h.campaignPosts()),
        h.campaignShare() == null ? "" : Html.percent(h.campaignShare()) + " of posts");
    figure(page, "Engagement", Html.number(h.engagement()), "likes, comments, shares and saves");
    figure(page, "Views", Html.number(h.views()), "credited in the period");
    figure(
        page,
        "Entities reached",
        Html.number(h.entitiesReached()),
        "carried the campaign, of " + Html.number(h.entitiesPosted()) + " that posted");
    figure(page, "Rejected rows", Html.number(h.rejectedRows()), "see data quality below");
    page.append("</dl></section>\n");
  }

  private static void figure(StringBuilder page, String name, String value, String note) {
    page.append("<div><dt>")
        .append(name)
        .append("</dt><dd class=\"big\">")
        .append(value)
        .append("</dd><dd class=\"note\">")
        .append(note)
        .append("</dd></div>");
  }

  static void weekly(StringBuilder page, Weekly w) {
    List<String> weeks = w.weeks();
    Map<String, long[]> engagement = new LinkedHashMap<>();
    Map<String, long[]> views = new LinkedHashMap<>();
    for (RoleSeries r : w.roles()) {
      engagement.put(roleName(r.role()), longs(r.engagement()));
      views.put(roleName(r.role()), longs(r.views()));
    }
    section(
        page,
        "weekly",
        "Week by week, by role",
        "Engagement of the posts published each week and views credited each week, stacked by the role of the entity credited.");
    legend(page, new ArrayList<>(engagement.keySet()));
    page.append("<figure>")
        .append(
            Charts.stackedBars(
                "chart-engagement",
                "Engagement per week by role",
                "Stacked bars, one per week: likes, comments, shares and saves of the posts published that week, by role.",
                "engagement",
                weeks,
                engagement))
        .append("</figure>\n<figure>")
        .append(
            Charts.stackedBars(
                "chart-views",
                "Views per week by role",
                "Stacked bars, one per week: views credited that week, by role of the entity credited.",
                "views",
                weeks,
                views))
        .append("</figure>\n");
    page.append(
        "<details><summary>The numbers behind the charts</summary><div class=\"scroll\"><table><thead><tr><th>Week</th>");
    engagement
        .keySet()
        .forEach(r -> page.append("<th class=\"num\">").append(r).append(" engagement</th>"));
    engagement
        .keySet()
        .forEach(r -> page.append("<th class=\"num\">").append(r).append(" views</th>"));
    page.append("</tr></thead><tbody>");
    for (int i = 0; i < weeks.size(); i++) {
      page.append("<tr><td>").append(weeks.get(i)).append("</td>");
      for (long[] e : engagement.values()) {
        num(page, e[i]);
      }
      for (long[] v : views.values()) {
        num(page, v[i]);
      }
      page.append("</tr>");
    }
    page.append("</tbody></table></div></details></section>\n");
  }

  /** A top table (influencers, mayors) with a sparkline per entity. */
  static void topEntities(StringBuilder page, TopEntities top, String id, String heading) {
    String plural = top.role() + "s";
    section(
        page,
        id,
        heading,
        "The "
            + ReportPage.TOP_ENTITIES
            + " "
            + plural
            + " whose posts earned the most engagement in the period, with their engagement week by week.");
    if (top.top().isEmpty()) {
      page.append("<p class=\"empty\">No ")
          .append(plural)
          .append(" posted in this period.</p></section>\n");
      return;
    }
    boolean mayors = top.role().equals("mayor");
    List<String> weeks = top.weeks();
    page.append("<div class=\"scroll\"><table><thead><tr><th class=\"num\">#</th><th>Name</th><th>")
        .append(mayors ? "Municipality" : "Cohort")
        .append(
            "</th><th class=\"num\">Posts</th><th class=\"num\">Campaign posts</th><th class=\"num\">Engagement</th>")
        .append("<th class=\"num\">Views</th><th>Engagement per week</th></tr></thead><tbody>");
    for (int i = 0; i < top.top().size(); i++) {
      EntityTotals e = top.top().get(i);
      page.append("<tr><td class=\"num\">")
          .append(i + 1)
          .append("</td><td class=\"name\" title=\"")
          .append(Html.clipped(e.id(), Charts.LABEL))
          .append("\"><bdi>")
          .append(Html.clipped(e.name(), 60))
          .append("</bdi></td><td><bdi>")
          .append(Html.clipped(mayors ? e.municipality() : e.cohort(), 40))
          .append("</bdi></td>");
      num(page, e.posts());
      num(page, e.campaignPosts());
      num(page, e.engagement());
      num(page, e.views());
      StringBuilder label =
          new StringBuilder(Html.clip(e.name(), 60))
              .append(", engagement per week from ")
              .append(weeks.get(0))
              .append(" to ")
              .append(weeks.get(weeks.size() - 1))
              .append(":");
      for (long v : e.weekly()) {
        label.append(' ').append(Html.number(v));
      }
      page.append("<td>")
          .append(Charts.sparkline(label.toString(), longs(e.weekly())))
          .append("</td></tr>");
    }
    page.append("</tbody></table></div>");
    if (top.more() > 0) {
      page.append("<p class=\"more\">")
          .append(Html.number(top.more()))
          .append(" more in entities_weekly.csv.</p>");
    }
    page.append("</section>\n");
  }

  static void bulletins(StringBuilder page, Bulletins b) {
    section(
        page,
        "bulletins",
        "Bulletin uptake",
        "For each bulletin sent, how many of its audience posted it (adopters) and what share that is (uptake rate), by language.");
    if (b.rows().isEmpty()) {
      page.append("<p class=\"empty\">No bulletins in this dataset.</p></section>\n");
      return;
    }
    if (!b.bars().isEmpty()) {
      List<String> labels = new ArrayList<>();
      double[] values = new double[b.bars().size()];
      List<String> texts = new ArrayList<>();
      List<Integer> colours = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        UptakeBar bar = b.bars().get(i);
        labels.add(bar.bulletinId());
        values[i] = 100 * bar.uptakeRate();
        texts.add(
            Html.percent(bar.uptakeRate())
                + " ("
                + Html.number(bar.adopters())
                + " of "
                + Html.number(bar.audience())
                + ")");
        colours.add(bar.language());
      }
      legend(page, b.languages().stream().map(l -> l.isEmpty() ? "no language" : l).toList());
      page.append("<figure>")
          .append(
              Charts.horizontalBars(
                  "chart-uptake",
                  "Uptake rate per bulletin",
                  "Horizontal bars, one per bulletin with a known audience: adopters as a percentage of the audience, coloured by language.",
                  "uptake rate, % of the audience",
                  labels,
                  values,
                  texts,
                  colours))
          .append("</figure>\n");
    }
    page.append(
            "<div class=\"scroll\"><table><thead><tr><th>Bulletin</th><th>Language</th><th>Sent</th>")
        .append(
            "<th class=\"num\">Audience</th><th class=\"num\">Adopters</th><th class=\"num\">Uptake</th>")
        .append(
            "<th class=\"num\">Posts</th><th class=\"num\">Engagement</th><th class=\"num\">Views</th>")
        .append("<th class=\"num\">Median hours to post</th></tr></thead><tbody>");
    for (BulletinRow r : b.rows()) {
      page.append("<tr><td class=\"nowrap\"><bdi>")
          .append(Html.clipped(r.bulletinId(), 40))
          .append("</bdi></td><td>")
          .append(Html.clipped(r.language(), 20))
          .append("</td><td class=\"nowrap\">")
          .append(Html.clipped(minutes(r.sentAt()), 30))
          .append("</td>");
      optionalNum(page, r.audience());
      num(page, r.adopters());
      page.append("<td class=\"num\">").append(Html.percent(r.uptakeRate())).append("</td>");
      num(page, r.posts());
      num(page, r.engagement());
      num(page, r.views());
      page.append("<td class=\"num\">")
          .append(r.medianHoursToPost() == null ? "" : Html.decimal(r.medianHoursToPost(), 1))
          .append("</td></tr>");
    }
    page.append("</tbody></table></div></section>\n");
  }

  /** Platform × language, each cell shaded by its share of the largest cell's posts. */
  static void platforms(StringBuilder page, Platforms p) {
    section(
        page,
        "platforms",
        "Platforms and languages",
        "Posts published on each platform in each language over the period, with their engagement; darker cells hold more posts.");
    if (p.rows().isEmpty()) {
      page.append("<p class=\"empty\">No posts in this period.</p></section>\n");
      return;
    }
    long max = p.maxPosts();
    page.append("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>Platform</th>");
    for (String l : p.languages()) {
      page.append("<th class=\"num\">")
          .append(l.isEmpty() ? "unknown language" : Html.clipped(l, 20))
          .append("</th>");
    }
    page.append("</tr></thead><tbody>");
    for (PlatformRow row : p.rows()) {
      page.append("<tr><th>").append(Html.clipped(row.platform(), 20)).append("</th>");
      for (PlatformCell c : row.cells()) {
        if (c == null) {
          page.append("<td class=\"num\"></td>");
        } else {
          page.append(
                  String.format(
                      Locale.ROOT,
                      "<td class=\"num\" style=\"background:rgba(0,114,178,%.2f)\">",
                      max == 0 ? 0.08 : 0.08 + 0.42 * c.posts() / max))
              .append(Html.number(c.posts()))
              .append(" posts<br><small>")
              .append(Html.number(c.engagement()))
              .append(" engagement</small></td>");
        }
      }
      page.append("</tr>");
    }
    page.append("</tbody></table></div></section>\n");
  }

  static void themes(StringBuilder page, Themes t) {
    section(
        page,
        "themes",
        "Themes",
        "What the posts were about: posts, engagement and views per theme of the lexicon and role of the entity credited,"
            + " with the theme's engagement week by week.");
    if (t.rows().isEmpty()) {
      page.append("<p class=\"empty\">No post matched a theme in this period.</p></section>\n");
      return;
    }
    page.append(
            "<div class=\"scroll\"><table><thead><tr><th>Theme</th><th>Role</th><th class=\"num\">Posts</th>")
        .append(
            "<th class=\"num\">Engagement</th><th class=\"num\">Views</th><th>Engagement per week</th></tr></thead><tbody>");
    for (ThemeRow r : t.rows()) {
      page.append("<tr><td><bdi>")
          .append(Html.clipped(r.theme().replace('_', ' '), 40))
          .append("</bdi></td><td>")
          .append(Html.clipped(roleName(r.role()), 20))
          .append("</td>");
      num(page, r.posts());
      num(page, r.engagement());
      num(page, r.views());
      page.append("<td>")
          .append(
              Charts.sparkline(
                  Html.clip(r.theme(), 40) + " (" + roleName(r.role()) + "), engagement per week",
                  longs(r.weekly())))
          .append("</td></tr>");
    }
    page.append("</tbody></table></div></section>\n");
  }

  static void claims(StringBuilder page, Claims c) {
    section(
        page,
        "claims",
        "Claims and answers",
        "Where each known false claim spread (posts that are not campaign posts carrying it) and whether the campaign's"
            + " own posts answered it on the same platform: coverage is the answer's engagement over the claim's.");
    if (c.rows().isEmpty()) {
      page.append(
          "<p class=\"empty\">No post carried a known claim in this period (claims.csv lists them).</p></section>\n");
      return;
    }
    page.append(
            "<div class=\"scroll\"><table><thead><tr><th>Claim</th><th>Platform</th><th class=\"num\">Posts</th>")
        .append(
            "<th class=\"num\">Engagement</th><th class=\"num\">Views</th><th class=\"num\">Answers</th>")
        .append(
            "<th class=\"num\">Answers' engagement</th><th class=\"num\">Coverage</th></tr></thead><tbody>");
    for (ClaimRow r : c.rows()) {
      page.append("<tr><td><bdi>")
          .append(Html.clipped(r.claimId(), 40))
          .append("</bdi></td><td>")
          .append(Html.clipped(r.platform(), 20))
          .append("</td>");
      num(page, r.posts());
      num(page, r.engagement());
      num(page, r.views());
      num(page, r.answers());
      num(page, r.answersEngagement());
      page.append("<td class=\"num\">").append(Html.percent(r.coverage())).append("</td></tr>");
    }
    page.append("</tbody></table></div></section>\n");
  }

  /**
   * The posts that beat their account's usual; a post links out only when its address is a web
   * address.
   */
  static void topPosts(StringBuilder page, TopPosts t) {
    section(
        page,
        "top-posts",
        "Posts that beat their account's usual",
        "The posts of the period with the highest engagement against the median of the same account's previous posts"
            + " (their baseline), "
            + ReportPage.TOP_POSTS
            + " at most.");
    if (t.rows().isEmpty()) {
      page.append(
          "<p class=\"empty\">No post had a baseline in this period (it takes 3 earlier posts of the account).</p></section>\n");
      return;
    }
    page.append(
            "<div class=\"scroll\"><table><thead><tr><th>Week</th><th>Account</th><th>Entity</th>")
        .append(
            "<th class=\"num\">Engagement</th><th class=\"num\">Baseline</th><th class=\"num\">× usual</th><th>Post</th></tr></thead><tbody>");
    for (TopPost r : t.rows()) {
      page.append("<tr><td>")
          .append(Html.clipped(r.week(), 10))
          .append("</td><td><bdi>")
          .append(Html.clipped(r.platform() + " @" + r.handle(), 50))
          .append("</bdi></td><td><bdi>")
          .append(Html.clipped(r.entityId(), 40))
          .append("</bdi></td>");
      num(page, r.engagement());
      page.append("<td class=\"num\">")
          .append(Html.decimal(r.baseline(), 1))
          .append("</td>")
          .append("<td class=\"num\">")
          .append(Html.decimal(r.overperformance(), 1))
          .append("×</td><td>");
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

  static void channels(StringBuilder page, Channels c) {
    section(
        page,
        "channels",
        "Channel follower growth",
        "Followers of the campaign's own channels at the end of each week with a snapshot, and what they gained"
            + " week on week (the "
            + ReportPage.MAX_CHANNEL_LINES
            + " largest channels are drawn; the table lists them all).");
    if (c.rows().isEmpty()) {
      page.append("<p class=\"empty\">No follower snapshots in this period.</p></section>\n");
      return;
    }
    Map<String, Long[]> lines = new LinkedHashMap<>();
    for (ChannelLine line : c.lines()) {
      lines.put(line.channel(), line.followers().toArray(new Long[0]));
    }
    legend(page, new ArrayList<>(lines.keySet()));
    page.append("<figure>")
        .append(
            Charts.lines(
                "chart-followers",
                "Followers at the end of each week",
                "Lines, one per channel, a point per week with a follower snapshot: the last snapshot before the week ended.",
                "followers",
                c.weeks(),
                lines))
        .append("</figure>\n");
    page.append(
            "<div class=\"scroll\"><table><thead><tr><th>Channel</th><th>First week</th><th>Last week</th>")
        .append(
            "<th class=\"num\">Followers at start</th><th class=\"num\">Followers, last week</th>")
        .append("<th class=\"num\">Gained</th></tr></thead><tbody>");
    for (ChannelRow r : c.rows()) {
      page.append("<tr><td><bdi>")
          .append(Html.clipped(r.channel(), 60))
          .append("</bdi></td><td>")
          .append(Html.clipped(r.firstWeek(), 10))
          .append("</td><td>")
          .append(Html.clipped(r.lastWeek(), 10))
          .append("</td>");
      optionalNum(page, r.followersStart());
      optionalNum(page, r.followersEnd());
      page.append("<td class=\"num\">").append(signed(r.gained())).append("</td></tr>");
    }
    page.append("</tbody></table></div></section>\n");
  }

  static void quality(StringBuilder page, DataQuality q) {
    section(
        page,
        "quality",
        "Data quality",
        "What the run could not use: rows rejected, by table and reason, duplicates dropped and views of posts that are not in the data.");
    page.append(
            "<div class=\"scroll\"><table><thead><tr><th>Table</th><th class=\"num\">Read</th><th class=\"num\">Accepted</th>")
        .append(
            "<th class=\"num\">Rejected</th><th class=\"num\">Duplicates</th></tr></thead><tbody>");
    for (TableCounts c : q.tables()) {
      page.append("<tr><td>").append(Html.text(c.table())).append("</td>");
      num(page, c.read());
      num(page, c.accepted());
      num(page, c.rejected());
      num(page, c.duplicates());
      page.append("</tr>");
    }
    page.append("</tbody></table></div>");
    page.append("<p>Orphan views: ")
        .append(Html.number(q.orphanViews()))
        .append(" views in ")
        .append(Html.number(q.orphanSnapshots()))
        .append(" snapshots of ")
        .append(Html.number(q.orphanPosts()))
        .append(" posts that are not in the posts table (not credited to anyone).</p>");
    if (q.reasons().isEmpty()) {
      page.append("<p>No rows were rejected.</p>");
    } else {
      page.append(
              "<div class=\"scroll\"><table><thead><tr><th>Table</th><th>Reason</th><th class=\"num\">Rows</th>")
          .append("<th>First seen</th></tr></thead><tbody>");
      for (RejectGroup g : q.reasons()) {
        page.append("<tr><td>")
            .append(Html.clipped(g.table(), 20))
            .append("</td><td><bdi>")
            .append(Html.clipped(g.reason(), 80))
            .append("</bdi></td>");
        num(page, g.rows());
        page.append("<td><bdi>")
            .append(Html.clipped(g.firstFile(), 60))
            .append("</bdi> line ")
            .append(Html.number(g.firstLine()))
            .append("</td></tr>");
      }
      page.append("</tbody></table></div>");
      if (q.moreReasons() > 0) {
        page.append("<p class=\"more\">")
            .append(Html.number(q.moreReasons()))
            .append(" more reasons.</p>");
      }
    }
    page.append("<p>Every rejected row, with its file, line, reason and raw record: <a href=\"")
        .append(Html.text(q.rejectsFile()))
        .append("\">")
        .append(Html.text(q.rejectsFile()))
        .append("</a> in this folder.</p></section>\n");
  }

  /** 2020-03-16T09:00:00+02:00 → 2020-03-16 09:00 (the zone is in the page header). */
  static String minutes(String timestamp) {
    return timestamp.length() >= 16 ? timestamp.substring(0, 16).replace('T', ' ') : timestamp;
  }

  static String roleName(String role) {
    return role.isEmpty() ? "unattributed" : role;
  }

  private static String signed(long v) {
    return (v > 0 ? "+" : "") + Html.number(v);
  }

  private static void section(StringBuilder page, String id, String heading, String sentence) {
    page.append("<section id=\"")
        .append(id)
        .append("\"><h2>")
        .append(heading)
        .append("</h2><p class=\"lead\">")
        .append(sentence)
        .append("</p>");
  }

  private static void legend(StringBuilder page, List<String> names) {
    page.append("<ul class=\"legend\">");
    for (int i = 0; i < names.size(); i++) {
      page.append("<li><span class=\"swatch\" style=\"background:")
          .append(Charts.colour(i))
          .append("\"></span><bdi>")
          .append(Html.clipped(names.get(i), 60))
          .append("</bdi></li>");
    }
    page.append("</ul>");
  }

  private static void optionalNum(StringBuilder page, Long value) {
    page.append("<td class=\"num\">")
        .append(value == null ? "" : Html.number(value))
        .append("</td>");
  }

  private static void num(StringBuilder page, long value) {
    page.append("<td class=\"num\">").append(Html.number(value)).append("</td>");
  }

  private static long[] longs(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * report.css from the classpath, its line breaks removed: the page inlines the sheet as one line
   * (the Content-Security-Policy allows inline styles only).
   */
  private static String css() {
    try (InputStream in = ReportPageRenderer.class.getResourceAsStream(CSS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            CSS_RESOURCE
                + " is missing from the classpath next to "
                + ReportPageRenderer.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("\r", "")
          .replace("\n", "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CSS_RESOURCE, e);
    }
  }
}
