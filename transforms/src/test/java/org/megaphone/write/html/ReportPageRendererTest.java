package org.megaphone.write.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.megaphone.write.html.ChartsTest.count;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megaphone.write.html.ReportPage.Bulletins;
import org.megaphone.write.html.ReportPage.ChannelLine;
import org.megaphone.write.html.ReportPage.ChannelRow;
import org.megaphone.write.html.ReportPage.Channels;
import org.megaphone.write.html.ReportPage.DataQuality;
import org.megaphone.write.html.ReportPage.EntityTotals;
import org.megaphone.write.html.ReportPage.Header;
import org.megaphone.write.html.ReportPage.Headline;
import org.megaphone.write.html.ReportPage.PlatformCell;
import org.megaphone.write.html.ReportPage.PlatformRow;
import org.megaphone.write.html.ReportPage.Platforms;
import org.megaphone.write.html.ReportPage.RoleSeries;
import org.megaphone.write.html.ReportPage.TopEntities;
import org.megaphone.write.html.ReportPage.TopPost;
import org.megaphone.write.html.ReportPage.TopPosts;
import org.megaphone.write.html.ReportPage.UptakeBar;
import org.megaphone.write.html.ReportPage.Weekly;
import org.megaphone.write.html.ReportTables.BulletinRow;
import org.megaphone.write.html.ReportTables.RejectGroup;

/**
 * Each section's markup from a hand-made part of the page model: words, formats, escaping, no sums.
 */
class ReportPageRendererTest {
  private static List<Long> longs(long... values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static String css() throws Exception {
    try (InputStream in = ReportPageRenderer.class.getResourceAsStream("report.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theHeadInlinesReportCssAsOneLineUnderAPolicyThatForbidsScriptsAndFetches() throws Exception {
    StringBuilder page = new StringBuilder();
    ReportPageRenderer.head(
        page, new Header("<demo>", "Europe/Helsinki", List.of("2020-W12", "2020-W13")));
    String head = page.toString();
    assertThat(
        head,
        containsString(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"));
    assertThat(head, containsString("<style>" + css().replace("\n", "") + "</style>\n"));
    assertThat(ReportPageRenderer.CSS, containsString(":root{--ink:#1d2330;"));
    assertThat(ReportPageRenderer.CSS, not(containsString("\n")));
    assertThat(head, containsString("<title>Megaphone report: &lt;demo&gt;</title>"));
    assertThat(
        head,
        containsString(
            "<p class=\"period\">Weeks 2020-W12 to 2020-W13 · weeks run Monday to Sunday in Europe/Helsinki</p>"));
  }

  @Test
  void aPeriodWithoutWeeksSaysSo() {
    StringBuilder page = new StringBuilder();
    ReportPageRenderer.head(page, new Header("demo", "UTC", List.of()));
    assertThat(
        page.toString(),
        containsString("<p class=\"period\">No posts or views in this period · weeks run"));
  }

  @Test
  void headlineFiguresAreFormattedAndTheCampaignShareIsLeftBlankWhenUnknown() {
    StringBuilder page = new StringBuilder();
    ReportPageRenderer.headline(page, new Headline(1_950_260, 976_000, 0.5004, 12, 34, 5, 9, 0));
    assertThat(
        page.toString(),
        containsString(
            "<dt>Posts</dt><dd class=\"big\">1,950,260</dd><dd class=\"note\">published in the period</dd>"));
    assertThat(
        page.toString(),
        containsString("<dd class=\"big\">976,000</dd><dd class=\"note\">50.0 % of posts</dd>"));
    assertThat(
        page.toString(),
        containsString(
            "<dd class=\"big\">5</dd><dd class=\"note\">carried the campaign, of 9 that posted</dd>"));
    StringBuilder none = new StringBuilder();
    ReportPageRenderer.headline(none, new Headline(0, 0, null, 0, 0, 0, 0, 0));
    assertThat(
        none.toString(),
        containsString("<dt>Campaign posts</dt><dd class=\"big\">0</dd><dd class=\"note\"></dd>"));
  }

  @Test
  void weeklyNamesTheUnattributedRoleAndTabulatesEachWeek() {
    StringBuilder page = new StringBuilder();
    ReportPageRenderer.weekly(
        page,
        new Weekly(
            List.of("2020-W12", "2020-W13"),
            List.of(
                new RoleSeries("influencer", longs(1_000, 0), longs(5, 6)),
                new RoleSeries("", longs(2, 3), longs(0, 0)))));
    String weekly = page.toString();
    assertThat(weekly, containsString("<bdi>influencer</bdi></li><li>"));
    assertThat(weekly, containsString("<bdi>unattributed</bdi>"));
    assertThat(weekly, containsString("<th class=\"num\">unattributed views</th>"));
    assertThat(
        weekly,
        containsString(
            "<tr><td>2020-W12</td><td class=\"num\">1,000</td><td class=\"num\">2</td><td class=\"num\">5</td><td class=\"num\">0</td></tr>"));
    assertThat(count(weekly, "<rect class=\"bar\""), is(3 + 2));
  }

  @Test
  void aTopTableShowsTheMunicipalityOfMayorsAndCountsTheRestBelowIt() {
    EntityTotals ivrea =
        new EntityTotals("ivrea", "Sindaca <b>", "north", "Ivrea", 4, 2, 45, 400, longs(10, 0, 35));
    StringBuilder page = new StringBuilder();
    ReportPageRenderer.topEntities(
        page,
        new TopEntities("mayor", List.of("2020-W12", "2020-W13", "2020-W14"), List.of(ivrea), 3),
        "top-mayors",
        "Top mayors");
    String top = page.toString();
    assertThat(
        top,
        containsString(
            "<section id=\"top-mayors\"><h2>Top mayors</h2><p class=\"lead\">The 10 mayors whose posts"));
    assertThat(top, containsString("<th>Municipality</th>"));
    assertThat(top, containsString("<td><bdi>Ivrea</bdi></td>"));
    assertThat(top, containsString("<bdi>Sindaca &lt;b&gt;</bdi>"));
    assertThat(top, containsString("engagement per week from 2020-W12 to 2020-W14: 10 0 35"));
    assertThat(top, containsString("<p class=\"more\">3 more in entities_weekly.csv.</p>"));
    StringBuilder influencers = new StringBuilder();
    ReportPageRenderer.topEntities(
        influencers,
        new TopEntities("influencer", List.of("2020-W12"), List.of(), 0),
        "top-influencers",
        "Top influencers");
    assertThat(
        influencers.toString(),
        containsString("<p class=\"empty\">No influencers posted in this period.</p></section>\n"));
  }

  @Test
  void bulletinsWithoutARateGetNoChartAndTheSendTimeIsShownToTheMinute() {
    BulletinRow row =
        new BulletinRow(
            "CF-1", "c", "", "2020-03-16T09:00:00+02:00", null, 4, null, 4, 40, 400, null);
    StringBuilder page = new StringBuilder();
    ReportPageRenderer.bulletins(page, new Bulletins(List.of(""), List.of(), List.of(row)));
    assertThat(page.toString(), not(containsString("chart-uptake")));
    assertThat(
        page.toString(),
        containsString(
            "<td class=\"nowrap\">2020-03-16 09:00</td><td class=\"num\"></td><td class=\"num\">4</td><td class=\"num\"></td>"));
    StringBuilder charted = new StringBuilder();
    ReportPageRenderer.bulletins(
        charted,
        new Bulletins(
            List.of("", "fi"), List.of(new UptakeBar("CF-2", 1, 0.05, 10, 200)), List.of(row)));
    assertThat(charted.toString(), containsString("<bdi>no language</bdi>"));
    assertThat(charted.toString(), containsString("5.0 % (10 of 200)"));
    assertThat(charted.toString(), containsString(Charts.colour(1)));
  }

  @Test
  void platformCellsAreShadedByTheirShareOfTheLargestAndAGapIsAnEmptyCell() {
    StringBuilder page = new StringBuilder();
    ReportPageRenderer.platforms(
        page,
        new Platforms(
            List.of("", "fi"),
            List.of(new PlatformRow("instagram", Arrays.asList(null, new PlatformCell(7, 1_234)))),
            14));
    String platforms = page.toString();
    assertThat(
        platforms,
        containsString("<th class=\"num\">unknown language</th><th class=\"num\">fi</th>"));
    assertThat(
        platforms,
        containsString(
            "<tr><th>instagram</th><td class=\"num\"></td><td class=\"num\" style=\"background:rgba(0,114,178,0.29)\">7 posts<br><small>1,234 engagement</small></td></tr>"));
  }

  @Test
  void aTopPostLinksOutOnlyToAWebAddress() {
    StringBuilder page = new StringBuilder();
    ReportPageRenderer.topPosts(
        page,
        new TopPosts(
            List.of(
                new TopPost(
                    "2020-W13",
                    "instagram",
                    "anna",
                    "anna",
                    100,
                    20,
                    5.04,
                    "a4",
                    "https://instagram.com/p/a4"),
                new TopPost(
                    "2020-W13",
                    "instagram",
                    "eve",
                    "eve",
                    1_200,
                    6.25,
                    2,
                    "<b>x</b>",
                    "javascript:alert(1)"))));
    String top = page.toString();
    assertThat(
        top,
        containsString(
            "<td class=\"num\">20.0</td><td class=\"num\">5.0×</td><td><a href=\"https://instagram.com/p/a4\" rel=\"noopener noreferrer\">open</a></td>"));
    assertThat(
        top,
        containsString(
            "<td class=\"num\">1,200</td><td class=\"num\">6.3</td><td class=\"num\">2.0×</td><td>&lt;b&gt;x&lt;/b&gt;</td>"));
    assertThat(top, not(containsString("javascript:")));
  }

  @Test
  void channelGainsAreSignedAndAMissingCountIsAnEmptyCell() {
    StringBuilder page = new StringBuilder();
    ReportPageRenderer.channels(
        page,
        new Channels(
            List.of("2020-W12", "2020-W13"),
            List.of(new ChannelLine("instagram @thl.fi", Arrays.asList(44_233L, null))),
            List.of(
                new ChannelRow(
                    "instagram @thl.fi", "2020-W12", "2020-W13", 44_233L, 53_000L, 8_767),
                new ChannelRow("x @gone", "2020-W12", "2020-W13", null, null, -5),
                new ChannelRow("x @still", "2020-W12", "2020-W12", 10L, 10L, 0))));
    String channels = page.toString();
    assertThat(count(channels, "<circle class=\"point\""), is(1));
    assertThat(
        channels,
        containsString(
            "<td class=\"num\">44,233</td><td class=\"num\">53,000</td><td class=\"num\">+8,767</td>"));
    assertThat(
        channels,
        containsString(
            "<td><bdi>x @gone</bdi></td><td>2020-W12</td><td>2020-W13</td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\">-5</td>"));
    assertThat(channels, containsString("<td class=\"num\">10</td><td class=\"num\">0</td></tr>"));
  }

  @Test
  void dataQualityListsTheReasonsGivenAndSaysHowManyMoreThereAre() {
    StringBuilder page = new StringBuilder();
    ReportPageRenderer.quality(
        page,
        new DataQuality(
            List.of(new HtmlReport.TableCounts("posts", 10_000, 9_000, 999, 1)),
            1,
            2,
            3_000,
            List.of(new RejectGroup("posts", "not a <number>", 12, "posts.csv", 7)),
            4,
            "rejects.csv.gz"));
    String quality = page.toString();
    assertThat(
        quality,
        containsString(
            "<tr><td>posts</td><td class=\"num\">10,000</td><td class=\"num\">9,000</td><td class=\"num\">999</td><td class=\"num\">1</td></tr>"));
    assertThat(quality, containsString("Orphan views: 3,000 views in 2 snapshots of 1 posts"));
    assertThat(
        quality,
        containsString(
            "<td>posts</td><td><bdi>not a &lt;number&gt;</bdi></td><td class=\"num\">12</td><td><bdi>posts.csv</bdi> line 7</td>"));
    assertThat(quality, containsString("<p class=\"more\">4 more reasons.</p>"));
    assertThat(
        quality, containsString("<a href=\"rejects.csv.gz\">rejects.csv.gz</a> in this folder."));
    StringBuilder clean = new StringBuilder();
    ReportPageRenderer.quality(
        clean, new DataQuality(List.of(), 0, 0, 0, List.of(), 0, "rejects.csv"));
    assertThat(clean.toString(), containsString("<p>No rows were rejected.</p>"));
    assertThat(clean.toString(), not(containsString("class=\"more\"")));
  }
}
