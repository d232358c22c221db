package org.megaphone.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaphone.read.CsvRecords;
import org.megaphone.rules.Weeks;
import org.megaphone.write.html.HtmlReport;

/**
 * report.html of each testdata set in a real headless Chromium with the network cut off: it loads
 * with no console error and no request but its own file, its charts hold one bar or point per
 * value of the CSV reports (counted here from the CSVs, not from the page's code), it fits a phone
 * screen, and a PNG of it lands in target/report-pages/ for people to look at.
 */
@Timeout(300)
class ReportPageBrowserIT {
  private static final Path PAGES = Paths.get("target", "report-pages");
  private static HeadlessChromium chromium;

  @BeforeAll
  static void startChromium(@TempDir Path tmp) throws Exception {
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
    Files.writeString(bad,
        "<!DOCTYPE html><html><body><img src=\"http://example.com/pixel.png\"><script>console.error('boom')</script></body></html>");
    HeadlessChromium.Page page = chromium.open(bad, 800, 600, false);
    assertThat(page.requests(), hasItem("http://example.com/pixel.png"));
    assertThat(page.errors(), not(empty()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"coronafacts", "turin", "exports-mix", "exports-mix-canonical"})
  void theReportPageLoadsOfflineWithoutErrorsAndDrawsEveryValue(String dataset) throws Exception {
    Path out = report(dataset);
    Path html = out.resolve(HtmlReport.FILE);
    HeadlessChromium.Page page = chromium.open(html, 1200, 900, false);

    assertThat(page.errors(), empty());
    assertThat(page.requests(), equalTo(List.of(html.toAbsolutePath().toUri().toString())));
    assertThat(page.evaluate("document.title").asText(), startsWith("Megaphone report: " + dataset));

    List<Map<String, String>> entities = rows(out, "entities_weekly.csv");
    assertThat(count(page, "#chart-engagement rect.bar"), equalTo(nonZeroWeekRoles(entities, "engagement")));
    assertThat(count(page, "#chart-views rect.bar"), equalTo(nonZeroWeekRoles(entities, "views")));
    long withUptake = rows(out, "bulletin_uptake.csv").stream().filter(b -> !b.get("uptake_rate").isEmpty()).count();
    assertThat(count(page, "#chart-uptake rect.bar"), equalTo((int) withUptake));
    List<Map<String, String>> channels = rows(out, "channel_growth.csv");
    assertThat("every channel fits in the chart", channels.stream().map(c -> c.get("platform") + c.get("handle")).distinct().count(),
        lessThanOrEqualTo(8L));
    assertThat(count(page, "#chart-followers circle.point"), equalTo(channels.size()));

    TreeSet<String> weeks = new TreeSet<>();
    entities.forEach(e -> weeks.add(e.get("week")));
    int weekCount = Weeks.between(weeks.first(), weeks.last()).size();
    for (String role : List.of("influencer", "mayor")) {
      long entitiesOfRole = entities.stream().filter(e -> e.get("role").equals(role)).map(e -> e.get("entity_id")).distinct().count();
      String sparks = "#top-" + role + "s svg.spark polyline";
      assertThat(role, count(page, sparks), equalTo((int) Math.min(10, entitiesOfRole)));
      if (entitiesOfRole > 0) {
        assertThat(
            page.evaluate("[...document.querySelectorAll('" + sparks + "')].every(p => p.points.length === " + weekCount + ")").asBoolean(),
            equalTo(true));
      }
    }
    assertThat(page.evaluate("document.getElementById('chart-engagement').getBoundingClientRect().height").asDouble(), greaterThan(150.0));
    page.screenshot(PAGES.resolve(dataset + ".png"), 1200);

    HeadlessChromium.Page phone = chromium.open(html, 390, 844, true);
    assertThat("no sideways scrolling of the page on a phone",
        phone.evaluate("document.documentElement.scrollWidth").asInt(), lessThanOrEqualTo(390));
    phone.screenshot(PAGES.resolve(dataset + "-phone.png"), 390);
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
    Path in = Paths.get("..", "testdata", dataset);
    JsonNode options = new ObjectMapper().readTree(in.resolve("expected.json").toFile()).get("options");
    Path out = PAGES.resolve(dataset);
    ReportRun.run(
        Megaphone.parse(
            new String[] {
              "--input=" + in,
              "--output=" + out,
              "--timezone=" + options.get("timezone").asText(),
              "--bulletinWindow=" + options.get("bulletinWindow").asText(),
              "--campaignTags=" + options.get("campaignTags").asText(),
              "--maxRejectRatio=" + options.get("maxRejectRatio").asText()
            }));
    return out;
  }

  private static List<Map<String, String>> rows(Path folder, String file) throws IOException {
    List<CsvRecords.Record> records = CsvRecords.parse(Files.readString(folder.resolve(file), StandardCharsets.UTF_8), ',');
    List<String> header = records.get(0).fields;
    List<Map<String, String>> rows = new ArrayList<>();
    for (CsvRecords.Record r : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), r.fields.get(i));
      }
      rows.add(row);
    }
    return rows;
  }
}
