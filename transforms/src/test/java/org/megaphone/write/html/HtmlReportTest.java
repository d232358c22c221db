package org.megaphone.write.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.megaphone.write.html.ChartsTest.count;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.write.html.ReportTables.BulletinRow;
import org.megaphone.write.html.ReportTables.ChannelWeek;
import org.megaphone.write.html.ReportTables.EntityWeek;
import org.megaphone.write.html.ReportTables.PlatformWeek;
import org.megaphone.write.html.ReportTables.RejectGroup;
import org.megaphone.write.html.ReportTables.Rejects;

/**
 * report.html: its figures are sums of the reports, and no text from the data can become markup.
 */
class HtmlReportTest {
  private static final List<String> HOSTILE =
      List.of(
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "' onmouseover='alert(2)",
          "javascript:alert(3)",
          "</td></tr></table><iframe src=//evil.example>",
          "<svg onload=alert(4)>",
          "\u202Eevil\u202C شكرا תודה 💛",
          "x".repeat(5_000));
  private static final Set<String> PAGE_TAGS =
      Set.of(
          "html",
          "head",
          "meta",
          "title",
          "style",
          "body",
          "main",
          "header",
          "h1",
          "h2",
          "p",
          "section",
          "dl",
          "dt",
          "dd",
          "div",
          "ul",
          "li",
          "span",
          "bdi",
          "figure",
          "svg",
          "desc",
          "rect",
          "circle",
          "path",
          "line",
          "text",
          "polyline",
          "details",
          "summary",
          "table",
          "thead",
          "tbody",
          "tr",
          "th",
          "td",
          "small",
          "br",
          "a",
          "footer");
  private static final HtmlReport.Run RUN =
      new HtmlReport.Run("testdata/demo", "Europe/Helsinki", "rejects.csv");
  private static final HtmlReport.Quality QUALITY =
      new HtmlReport.Quality(List.of(new HtmlReport.TableCounts("posts", 10, 7, 2, 1)), 1, 2, 300);

  private static EntityWeek entity(
      String week, String id, String role, long posts, long campaign, long engagement, long views) {
    return new EntityWeek(
        week,
        id,
        id.toUpperCase(Locale.ROOT),
        role,
        "core",
        "",
        posts,
        campaign,
        engagement,
        views);
  }

  private static ReportTables hostile() {
    List<EntityWeek> entities = new ArrayList<>();
    List<BulletinRow> bulletins = new ArrayList<>();
    List<PlatformWeek> platforms = new ArrayList<>();
    List<ChannelWeek> channels = new ArrayList<>();
    List<RejectGroup> rejects = new ArrayList<>();
    int i = 0;
    for (String h : HOSTILE) {
      String role = i % 2 == 0 ? "influencer" : "mayor";
      entities.add(new EntityWeek("2020-W12", h + i, h, role, h, h, 1, 1, 10 + i, 5));
      bulletins.add(
          new BulletinRow(h, h, h, "2020-03-16T09:00:00+02:00", 100L, 3, 0.03, 3, 30, 300, 2.5));
      platforms.add(new PlatformWeek("2020-W12", "instagram", h, 1, 1, 10, 5));
      channels.add(new ChannelWeek("2020-W12", "instagram", h, null, 100L + i, null));
      rejects.add(new RejectGroup("posts", h, 1, h, 2 + i));
      i++;
    }
    return new ReportTables(
        entities, bulletins, platforms, channels, new Rejects(rejects.size(), rejects));
  }

  @Test
  void hostileTextFromTheDataNeverBecomesMarkup() {
    String page =
        HtmlReport.render(
            hostile(), new HtmlReport.Run(HOSTILE.get(1), HOSTILE.get(0), "rejects.csv"), QUALITY);
    Matcher tags = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)").matcher(page);
    Set<String> seen = new TreeSet<>();
    while (tags.find()) {
      seen.add(tags.group(1).toLowerCase(Locale.ROOT));
    }
    assertThat(seen.stream().filter(t -> !PAGE_TAGS.contains(t)).toList(), is(empty()));
    assertThat(page, not(containsString("<script")));
    assertThat(page, not(containsString("<img")));
    assertThat(page, not(containsString("<iframe")));
    assertThat(
        Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
            .matcher(stripText(page))
            .find(),
        is(false));
    assertThat(page, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertThat(page, not(containsString("\u202E")));
    assertThat(page, containsString("شكرا תודה 💛"));
  }

  @Test
  void theOnlyLinkIsToTheRejectsFileNextToThePage() {
    String page = HtmlReport.render(hostile(), RUN, QUALITY);
    Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
    List<String> links = new ArrayList<>();
    while (hrefs.find()) {
      links.add(hrefs.group(1));
    }
    assertThat(links, is(List.of("rejects.csv")));
    assertThat(page, not(containsString("src=\"")));
  }

  @Test
  void aVeryLongNameIsClippedOnThePage() {
    String page = HtmlReport.render(hostile(), RUN, QUALITY);
    assertThat(page.contains("x".repeat(4 * Charts.LABEL)), is(false));
    assertThat(page, containsString("x".repeat(50) + "…"));
  }

  @Test
  void thePageForbidsScriptsAndFetchesAndLoadsNothingFromOutside() {
    String page = HtmlReport.render(hostile(), RUN, QUALITY);
    assertThat(
        page,
        containsString("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""));
    assertThat(page, not(containsString("http://")));
    assertThat(page, not(containsString("https://")));
    assertThat(page, not(containsString("@import")));
    assertThat(page, not(containsString("url(")));
  }

  @Test
  void headlineFiguresAreSumsOfEntitiesWeeklyAndEntitiesReachedCountsThoseWithCampaignPosts() {
    List<EntityWeek> entities =
        List.of(
            entity("2020-W12", "aino", "influencer", 3, 2, 1_000, 20_000),
            entity("2020-W13", "aino", "influencer", 1, 0, 500, 1_000),
            entity("2020-W13", "mari", "influencer", 2, 0, 250, 0),
            entity("2020-W13", "(unattributed)", "", 4, 4, 2_000, 30_000));
    String page =
        HtmlReport.render(
            new ReportTables(entities, List.of(), List.of(), List.of(), Rejects.NONE),
            RUN,
            QUALITY);
    assertThat(page, containsString("<dt>Posts</dt><dd class=\"big\">10</dd>"));
    assertThat(
        page,
        containsString(
            "<dt>Campaign posts</dt><dd class=\"big\">6</dd><dd class=\"note\">60.0 % of posts"));
    assertThat(page, containsString("<dt>Engagement</dt><dd class=\"big\">3,750</dd>"));
    assertThat(page, containsString("<dt>Views</dt><dd class=\"big\">51,000</dd>"));
    assertThat(
        page,
        containsString(
            "<dt>Entities reached</dt><dd class=\"big\">1</dd><dd class=\"note\">carried the campaign, of 2 that posted"));
    assertThat(page, containsString("<dt>Rejected rows</dt><dd class=\"big\">0</dd>"));
  }

  @Test
  void theWeeklyChartHasABarPerWeekAndRoleWithEngagementIncludingEmptyWeeksInBetween() {
    List<EntityWeek> entities =
        List.of(
            entity("2020-W12", "aino", "influencer", 1, 1, 100, 0),
            entity("2020-W12", "ivrea", "mayor", 1, 1, 50, 0),
            entity("2020-W15", "aino", "influencer", 1, 0, 70, 10));
    String page =
        HtmlReport.render(
            new ReportTables(entities, List.of(), List.of(), List.of(), Rejects.NONE),
            RUN,
            QUALITY);
    String engagement = chart(page, "chart-engagement");
    assertThat(count(engagement, "<rect class=\"bar\""), is(3));
    assertThat(engagement, containsString(">2020-W14</text>"));
    assertThat(count(chart(page, "chart-views"), "<rect class=\"bar\""), is(1));
    assertThat(page, containsString("Weeks 2020-W12 to 2020-W15"));
  }

  @Test
  void topInfluencersAreRankedByEngagementAndCutAtTen() {
    List<EntityWeek> entities = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      entities.add(entity("2020-W12", String.format("e%02d", i), "influencer", 1, 0, 100L * i, 0));
    }
    String page =
        HtmlReport.render(
            new ReportTables(entities, List.of(), List.of(), List.of(), Rejects.NONE),
            RUN,
            QUALITY);
    String top = section(page, "top-influencers");
    assertThat(count(top, "<svg class=\"spark\""), is(10));
    assertThat(top.indexOf(">E11<"), lessThan(top.indexOf(">E10<")));
    assertThat(top, not(containsString(">E01<")));
    assertThat(top, containsString("2 more in entities_weekly.csv."));
    assertThat(section(page, "top-mayors"), containsString("No mayors posted in this period."));
  }

  @Test
  void rejectsAreGroupedByTableAndReasonWithoutTheOffendingValue(@TempDir Path folder)
      throws Exception {
    writeEmptyReports(folder);
    Files.writeString(
        folder.resolve("rejects.csv"),
        """
        file,line,table,reason,record
        posts.csv,7,posts,not a non-negative integer: likes='12a',"a,b"
        posts.csv,9,posts,not a non-negative integer: shares='-3',x
        views.csv,3,views,unknown platform: platform='myspace',"multi
        line"
        """,
        StandardCharsets.UTF_8);
    ReportTables t = ReportTables.read(folder);
    assertThat(t.rejects().rows(), is(3L));
    String quality = section(HtmlReport.render(t, RUN, QUALITY), "quality");
    assertThat(
        quality,
        containsString(
            "<td>posts</td><td><bdi>not a non-negative integer</bdi></td><td class=\"num\">2</td><td><bdi>posts.csv</bdi> line 7</td>"));
    assertThat(
        quality,
        containsString(
            "<td>views</td><td><bdi>unknown platform</bdi></td><td class=\"num\">1</td>"));
    assertThat(quality, not(containsString("12a")));
    assertThat(quality, containsString("Orphan views: 300 views in 2 snapshots of 1 posts"));
    assertThat(
        quality,
        containsString(
            "<td>posts</td><td class=\"num\">10</td><td class=\"num\">7</td><td class=\"num\">2</td><td class=\"num\">1</td>"));
  }

  private static void writeEmptyReports(Path folder) throws Exception {
    Files.writeString(
        folder.resolve("entities_weekly.csv"),
        "week,entity_id,entity_name,role,cohort,municipality,posts,campaign_posts,likes,comments,shares,saves,engagement,views,engagement_rate\n");
    Files.writeString(
        folder.resolve("bulletin_uptake.csv"),
        "bulletin_id,campaign,language,sent_at,audience,adopters,uptake_rate,posts,engagement,views,median_hours_to_post\n");
    Files.writeString(
        folder.resolve("platforms_weekly.csv"),
        "week,platform,language,posts,campaign_posts,engagement,views\n");
    Files.writeString(
        folder.resolve("channel_growth.csv"),
        "week,platform,handle,followers_start,followers_end,gained\n");
    Files.writeString(folder.resolve("rejects.csv"), "file,line,table,reason,record\n");
  }

  @Test
  void emptyReportsGiveAPageThatSaysSo(@TempDir Path folder) throws Exception {
    writeEmptyReports(folder);
    String page = HtmlReport.render(ReportTables.read(folder), RUN, QUALITY);
    assertThat(page, containsString("No posts or views in this period"));
    assertThat(page, containsString("No influencers posted in this period."));
    assertThat(page, containsString("No bulletins in this dataset."));
    assertThat(page, containsString("No rows were rejected."));
  }

  @Test
  void topPostsLinkToTheirPostOnlyWhenItIsAWebAddress() {
    List<ReportTables.TopPostRow> top =
        List.of(
            new ReportTables.TopPostRow(
                "2020-W13",
                1,
                "instagram",
                "a4",
                "anna",
                "anna",
                100,
                "20.000000",
                "5.000000",
                "https://instagram.com/p/a4"),
            new ReportTables.TopPostRow(
                "2020-W13",
                2,
                "instagram",
                "<b>x</b>",
                "eve",
                "eve",
                12,
                "6.000000",
                "2.000000",
                "javascript:alert(1)"));
    String section =
        section(
            HtmlReport.render(
                new ReportTables(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Rejects.NONE,
                    List.of(),
                    List.of(),
                    top),
                RUN,
                QUALITY),
            "top-posts");
    assertThat(
        section,
        containsString(
            "<a href=\"https://instagram.com/p/a4\" rel=\"noopener noreferrer\">open</a>"));
    assertThat(section, not(containsString("javascript:")));
    assertThat(section, containsString("&lt;b&gt;x&lt;/b&gt;"));
    assertThat(section.indexOf("@anna"), lessThan(section.indexOf("@eve")));
    assertThat(section, containsString("<td class=\"num\">5.0×</td>"));
  }

  @Test
  void claimsShowTheSpreadTheAnswerAndTheCoverageOverThePeriod() {
    List<ReportTables.ClaimWeek> claims =
        List.of(
            new ReportTables.ClaimWeek("2020-W13", "5g", "instagram", 2, 100, 1000, 1, 20),
            new ReportTables.ClaimWeek("2020-W14", "5g", "instagram", 1, 100, 0, 0, 0),
            new ReportTables.ClaimWeek("2020-W14", "garlic", "tiktok", 0, 0, 0, 1, 7));
    String section =
        section(
            HtmlReport.render(
                new ReportTables(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Rejects.NONE,
                    List.of(),
                    claims,
                    List.of()),
                RUN,
                QUALITY),
            "claims");
    assertThat(
        section,
        containsString(
            "<td><bdi>5g</bdi></td><td>instagram</td><td class=\"num\">3</td><td class=\"num\">200</td><td class=\"num\">1,000</td><td class=\"num\">1</td><td class=\"num\">20</td><td class=\"num\">10.0 %</td>"));
    assertThat(
        section,
        containsString(
            "<td><bdi>garlic</bdi></td><td>tiktok</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">7</td><td class=\"num\"></td>"));
  }

  @Test
  void aPlatformWithOnlyViewsInThePeriodHasNoNaNShade() {
    List<PlatformWeek> platforms =
        List.of(new PlatformWeek("2020-W14", "youtube", "it", 0, 0, 0, 120));
    String page =
        HtmlReport.render(
            new ReportTables(List.of(), List.of(), platforms, List.of(), Rejects.NONE),
            RUN,
            QUALITY);
    assertThat(page, not(containsString("NaN")));
    assertThat(section(page, "platforms"), containsString("0 posts"));
  }

  @Test
  void channelGrowthDrawsAPointPerSnapshotWeekAndSumsTheGains() {
    List<ChannelWeek> channels =
        List.of(
            new ChannelWeek("2020-W12", "instagram", "thl.fi", null, 44_233L, null),
            new ChannelWeek("2020-W13", "instagram", "thl.fi", 44_233L, 52_687L, 8_454L),
            new ChannelWeek("2020-W15", "instagram", "thl.fi", 52_687L, 53_000L, 313L),
            new ChannelWeek("2020-W13", "youtube", "vn", 15_000L, 16_074L, 1_074L));
    String section =
        section(
            HtmlReport.render(
                new ReportTables(List.of(), List.of(), List.of(), channels, Rejects.NONE),
                RUN,
                QUALITY),
            "channels");
    assertThat(count(section, "<circle class=\"point\""), is(4));
    // No snapshot before the first week: the first one is the start, and gained counts from it.
    assertThat(
        section,
        containsString(
            "<td><bdi>instagram @thl.fi</bdi></td><td>2020-W12</td><td>2020-W15</td><td class=\"num\">44,233</td><td class=\"num\">53,000</td><td class=\"num\">+8,767</td>"));
    // A snapshot before the first week: it is the start.
    assertThat(
        section,
        containsString(
            "<td><bdi>youtube @vn</bdi></td><td>2020-W13</td><td>2020-W13</td><td class=\"num\">15,000</td><td class=\"num\">16,074</td><td class=\"num\">+1,074</td>"));
  }

  /**
   * The whole page for reports that fill every section, byte for byte: recorded from the page as it
   * was before the model and the renderers were split (issue 18), so a change to the markup, the
   * style sheet or a figure shows here first. An intended change updates the sum (and the
   * report.html lines of testdata/goldens).
   */
  @Test
  void thePageForReportsFillingEverySectionIsTheRecordedOneByteForByte() throws Exception {
    byte[] page =
        HtmlReport.render(PageFixtures.everySection(), PageFixtures.RUN, PageFixtures.QUALITY)
            .getBytes(StandardCharsets.UTF_8);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(page));
    assertThat(sha256, is("15c9f6a85971910b0d1afdf350c048d91247a7738e978c7058bea801b156f960"));
  }

  @Test
  void readingTheReportsUndoesTheFormulaGuardForDisplay(@TempDir Path folder) throws Exception {
    Files.writeString(
        folder.resolve("entities_weekly.csv"),
        """
        week,entity_id,entity_name,role,cohort,municipality,posts,campaign_posts,likes,comments,shares,saves,engagement,views,engagement_rate
        2020-W12,'-minus,'=SUM(A1),influencer,core,,1,0,1,0,0,0,1,0,
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("bulletin_uptake.csv"),
        """
        bulletin_id,campaign,language,sent_at,audience,adopters,uptake_rate,posts,engagement,views,median_hours_to_post
        CF-1,coronafacts,fi,2020-03-16T09:00:00+02:00,,0,,0,0,0,
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("platforms_weekly.csv"),
        "week,platform,language,posts,campaign_posts,engagement,views\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("channel_growth.csv"),
        "week,platform,handle,followers_start,followers_end,gained\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("rejects.csv"),
        "file,line,table,reason,record\nposts.csv,3,posts,\"bad: x\",\"a,b\"\n",
        StandardCharsets.UTF_8);
    ReportTables t = ReportTables.read(folder);
    assertThat(t.entities().get(0).entityId(), is("-minus"));
    assertThat(t.entities().get(0).name(), is("=SUM(A1)"));
    assertThat(t.bulletins().get(0).audience(), is((Long) null));
    assertThat(t.rejects().groups().get(0).reason(), is("bad"));
    HtmlReport.write(folder, RUN, QUALITY);
    assertThat(Files.readString(folder.resolve(HtmlReport.FILE)), containsString("=SUM(A1)"));
  }

  private static String chart(String page, String id) {
    int start = page.indexOf("<svg class=\"chart\" id=\"" + id + "\"");
    return page.substring(start, page.indexOf("</svg>", start));
  }

  private static String section(String page, String id) {
    int start = page.indexOf("<section id=\"" + id + "\"");
    return page.substring(start, page.indexOf("</section>", start));
  }

  /**
   * The page without its text nodes and attribute values, so that escaped data cannot look like an
   * attribute: what is left is the markup the page itself wrote.
   */
  private static String stripText(String page) {
    return page.replaceAll(">[^<]*<", "><").replaceAll("\"[^\"]*\"", "\"\"");
  }
}
