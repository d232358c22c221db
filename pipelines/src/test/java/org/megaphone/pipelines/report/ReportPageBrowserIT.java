package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.testing.HeadlessChromium;
import org.megaphone.pipelines.testing.Testdata;
import org.megaphone.rules.Weeks;
import org.megaphone.write.html.HtmlReport;

/**
 * report.html of each testdata set in a real headless Chromium with the network cut off: it loads
 * with no console error and no request but its own file, its charts hold one bar or point per value
 * of the CSV reports (counted here from the CSVs, not from the page's code), it fits a phone
 * screen, and a PNG of it lands in target/report-pages/ for people to look at.
 */
@Timeout(300)
class ReportPageBrowserIT {
  private static final Path PAGES = Paths.get("target", "report-pages");
  private static HeadlessChromium chromium;

  @BeforeAll
  static void startChromium(@TempDir Path tmp) throws Exception {
    // ./megaphone test sets this on a machine where it found no chromium and could not install
    // it (not root, no apt): the run says so and passes without the browser. .ci/run installs
    // chromium and never sets it, so there the page is always checked in the browser.
    Assumptions.assumeFalse(
        Boolean.getBoolean("megaphone.withoutBrowser"),
        "no chromium on this machine: report.html was not opened in a browser");
    chromium = HeadlessChromium.start(tmp.resolve("profile"));
  }

  @AfterAll
  static void stopChromium() throws InterruptedException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theCheckerSeesConsoleErrorsAndExternalRequests(@TempDir Path tmp) throws Exception {
    // Without this, a silent checker would pass every page.
    Path bad = tmp.resolve("bad.html");
    Files.writeString(
        bad,
        "<!DOCTYPE html><html><body><img src=\"http://example.com/pixel.png\"><script>console.error('boom')</script></body></html>");
    try (HeadlessChromium.Page page = chromium.open(bad, 800, 600, false)) {
      assertThat(page.requests(), hasItem("http://example.com/pixel.png"));
      assertThat(page.errors(), not(empty()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"coronafacts", "turin", "exports-mix", "exports-mix-canonical"})
  void theReportPageLoadsOfflineWithoutErrorsAndDrawsEveryValue(String dataset) throws Exception {
    Path out = report(dataset);
    Path html = out.resolve(HtmlReport.FILE);
    try (HeadlessChromium.Page page = chromium.open(html, 1200, 900, false)) {
      checkDesktop(page, out, html, dataset);
    }
    try (HeadlessChromium.Page phone = chromium.open(html, 390, 844, true)) {
      assertThat(
          "no sideways scrolling of the page on a phone",
          phone.evaluate("document.documentElement.scrollWidth").asInt(),
          lessThanOrEqualTo(390));
      phone.screenshot(PAGES.resolve(dataset + "-phone.png"), 390);
    }
  }

  private static void checkDesktop(HeadlessChromium.Page page, Path out, Path html, String dataset)
      throws Exception {

    assertThat(page.errors(), empty());
    assertThat(page.requests(), equalTo(List.of(html.toAbsolutePath().toUri().toString())));
    assertThat(
        page.evaluate("document.title").asText(), startsWith("Megaphone report: " + dataset));

    List<Map<String, String>> entities = rows(out, "entities_weekly.csv");
    assertThat(
        count(page, "#chart-engagement rect.bar"),
        equalTo(nonZeroWeekRoles(entities, "engagement")));
    assertThat(count(page, "#chart-views rect.bar"), equalTo(nonZeroWeekRoles(entities, "views")));
    long withUptake =
        rows(out, "bulletin_uptake.csv").stream()
            .filter(b -> !b.get("uptake_rate").isEmpty())
            .count();
    assertThat(count(page, "#chart-uptake rect.bar"), equalTo((int) withUptake));
    List<Map<String, String>> channels = rows(out, "channel_growth.csv");
    assertThat(
        "every channel fits in the chart",
        channels.stream().map(c -> c.get("platform") + c.get("handle")).distinct().count(),
        lessThanOrEqualTo(8L));
    assertThat(count(page, "#chart-followers circle.point"), equalTo(channels.size()));

    TreeSet<String> weeks = new TreeSet<>();
    entities.forEach(e -> weeks.add(e.get("week")));
    int weekCount = Weeks.between(weeks.first(), weeks.last()).size();
    for (String role : List.of("influencer", "mayor")) {
      long entitiesOfRole =
          entities.stream()
              .filter(e -> e.get("role").equals(role))
              .map(e -> e.get("entity_id"))
              .distinct()
              .count();
      String sparks = "#top-" + role + "s svg.spark polyline";
      assertThat(role, count(page, sparks), equalTo((int) Math.min(10, entitiesOfRole)));
      if (entitiesOfRole > 0) {
        assertThat(
            page.evaluate(
                    "[...document.querySelectorAll('"
                        + sparks
                        + "')].every(p => p.points.length === "
                        + weekCount
                        + ")")
                .asBoolean(),
            equalTo(true));
      }
    }
    assertThat(
        page.evaluate("document.getElementById('chart-engagement').getBoundingClientRect().height")
            .asDouble(),
        greaterThan(150.0));
    page.screenshot(PAGES.resolve(dataset + ".png"), 1200);
  }

  @Test
  void hostileNamesHandlesBulletinsAndRejectedValuesShowAsTextAndRunNothing(@TempDir Path tmp)
      throws Exception {
    Path in = tmp.resolve("hostile");
    Files.createDirectories(in);
    Files.writeString(
        in.resolve("accounts.csv"),
        "platform,handle,entity_id,entity_name,role,cohort,municipality,language,followers\n"
            + "instagram,evil1,e1,\"\"\"><img src=x onerror=alert(1)>\",influencer,<script>alert(2)</script>,,en,1000\n"
            + "instagram,evil2,e2,شكرا תודה 💛 \u202Egnp.exe,mayor,,javascript:alert(3),it,500\n"
            + "instagram,<b>bold</b>,e3,<iframe src=//evil.example>"
            + "x".repeat(3000)
            + ",influencer,core,,fi,100\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        in.resolve("posts.csv"),
        """
        platform,post_id,handle,published_at,text,url,language,likes,comments,shares,saves
        instagram,p1,evil1,2020-03-16T10:00:00Z,#coronafacts <script>alert(5)</script>,https://example.com/p1,en,10,1,1,1
        instagram,p2,evil2,2020-03-17T10:00:00Z,#coronafacts,,it,5,0,0,0
        instagram,p3,<b>bold</b>,2020-03-24T10:00:00Z,ciao,,fi,7,0,0,0
        instagram,p4,<b>bold</b>,2020-03-25T10:00:00Z,ciao,,"<svg onload=alert(7)>",7,0,0,0
        instagram,p5,evil1,<script>alert(8)</script>,x,,en,1,0,0,0
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        in.resolve("bulletins.csv"),
        """
        bulletin_id,campaign,sent_at,language,audience,hashtags
        <svg onload=alert(6)>,coronafacts,2020-03-15T09:00:00Z,"<img src=y>",10,#coronafacts
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        in.resolve("followers.csv"),
        "platform,handle,observed_at,followers\ninstagram,<b>bold</b>,2020-03-16T09:00:00Z,100\ninstagram,<b>bold</b>,2020-03-23T09:00:00Z,130\n",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    ReportRun.run(
        Megaphone.parse(new String[] {"--input=" + in, "--output=" + out, "--maxRejectRatio=0.5"}));
    Path html = out.resolve(HtmlReport.FILE);
    try (HeadlessChromium.Page page = chromium.open(html, 1200, 900, false)) {
      assertThat(page.errors(), empty());
      assertThat(page.requests(), equalTo(List.of(html.toAbsolutePath().toUri().toString())));
      assertThat(
          "no element from the data",
          count(page, "script, img, iframe, b, foreignObject"),
          equalTo(0));
      String text = page.evaluate("document.body.innerText").asText();
      assertThat(text, containsString("\"><img src=x onerror=alert(1)>"));
      assertThat(text, containsString("<svg onload=alert(6)>"));
      assertThat(text, containsString("<iframe src=//evil.example>xxx"));
      assertThat(text, not(containsString("x".repeat(200))));
      page.screenshot(PAGES.resolve("hostile.png"), 1200);
    }
    try (HeadlessChromium.Page phone = chromium.open(html, 390, 844, true)) {
      assertThat(
          phone.evaluate("document.documentElement.scrollWidth").asInt(), lessThanOrEqualTo(390));
    }
  }

  private static int count(HeadlessChromium.Page page, String selector) throws Exception {
    return page.evaluate("document.querySelectorAll('" + selector + "').length").asInt();
  }

  /** (week, role) pairs whose summed column is not zero: the segments the stacked bars draw. */
  private static int nonZeroWeekRoles(List<Map<String, String>> entities, String column) {
    Map<String, Long> sums = new HashMap<>();
    for (Map<String, String> e : entities) {
      sums.merge(e.get("week") + "|" + e.get("role"), Long.parseLong(e.get(column)), Long::sum);
    }
    return (int) sums.values().stream().filter(v -> v != 0).count();
  }

  private static Path report(String dataset) throws IOException {
    Path out = PAGES.resolve(dataset);
    ReportRun.run(Megaphone.parse(Testdata.reportArgs(dataset, out)));
    return out;
  }

  private static List<Map<String, String>> rows(Path folder, String file) throws IOException {
    return Testdata.rows(folder.resolve(file));
  }
}
