package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.testing.Testdata;
import org.megaphone.write.Cells;

/**
 * The report on each testdata set against the facts in its expected.json, which the dataset's
 * generator computes from the files on disk with its own reading of the contract (see
 * testdata/README.md): table counts, every reject, totals, row counts, chosen entity weeks, every
 * bulletin and channel row, and the attribution of the scenario posts.
 */
class TestdataReportTest {

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Coronafacts extends DatasetChecks {
    Coronafacts() {
      super("coronafacts");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Turin extends DatasetChecks {
    Turin() {
      super("turin");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class ExportsMix extends DatasetChecks {
    ExportsMix() {
      super("exports-mix");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class ExportsMixCanonical extends DatasetChecks {
    ExportsMixCanonical() {
      super("exports-mix-canonical");
    }
  }

  abstract static class DatasetChecks {
    private final String name;
    private JsonNode expected;
    private JsonNode summary;
    private Path out;

    DatasetChecks(String name) {
      this.name = name;
    }

    @BeforeAll
    void runReport(@TempDir Path tmp) throws IOException {
      expected =
          new ObjectMapper().readTree(Testdata.folder(name).resolve("expected.json").toFile());
      out = tmp.resolve(name);
      ReportRun.run(Megaphone.parse(Testdata.reportArgs(name, out, "--stableUniqueNames=ERROR")));
      summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    private List<Map<String, String>> rows(String file) throws IOException {
      return Testdata.rows(out.resolve(file));
    }

    /** The expected object's fields that are columns of the report, as strings. */
    private static Map<String, String> columns(JsonNode expectedRow, List<String> header) {
      Map<String, String> row = new LinkedHashMap<>();
      for (String column : header) {
        if (expectedRow.has(column)) {
          JsonNode v = expectedRow.get(column);
          // Text is written with the contract's formula guard (a post id "-1UB3..." as
          // "'-1UB3...").
          row.put(column, v.isNull() ? "" : v.isNumber() ? v.asText() : Cells.text(v.asText()));
        }
      }
      return row;
    }

    private static Map<String, String> project(Map<String, String> row, Map<String, String> like) {
      Map<String, String> p = new LinkedHashMap<>();
      like.keySet().forEach(k -> p.put(k, row.get(k)));
      return p;
    }

    private void assertRowsContain(String file, JsonNode expectedRows) throws IOException {
      List<Map<String, String>> actual = rows(file);
      List<String> header = new ArrayList<>(actual.isEmpty() ? List.of() : actual.get(0).keySet());
      for (JsonNode e : expectedRows) {
        Map<String, String> want = columns(e, header);
        List<Map<String, String>> projected = actual.stream().map(r -> project(r, want)).toList();
        assertThat(file + " has " + want, projected, hasItem(want));
      }
    }

    @Test
    void everyReportFileIsByteForByteItsRecordedGolden() throws IOException {
      Testdata.assertMatchesGoldens(out, name);
    }

    @Test
    void tableCountsMatchReadAcceptedRejectedDuplicates() {
      expected
          .get("tables")
          .fields()
          .forEachRemaining(
              t -> {
                JsonNode actual = summary.get("inputs").get("tables").get(t.getKey());
                assertThat(
                    t.getKey() + " read",
                    actual.get("read").asLong(),
                    equalTo(t.getValue().get("rows_read").asLong()));
                for (String k : List.of("accepted", "rejected", "duplicates")) {
                  assertThat(
                      t.getKey() + " " + k,
                      actual.get(k).asLong(),
                      equalTo(t.getValue().get(k).asLong()));
                }
              });
    }

    @Test
    void everyDeliberateBadRowIsRejectedWithItsFileAndLine() throws IOException {
      List<String> actual =
          rows("rejects.csv").stream()
              .map(r -> r.get("file") + ":" + r.get("line") + ":" + r.get("table"))
              .toList();
      List<String> want = new ArrayList<>();
      expected
          .get("rejects")
          .forEach(
              r ->
                  want.add(
                      r.get("file").asText()
                          + ":"
                          + r.get("line").asText()
                          + ":"
                          + r.get("table").asText()));
      assertThat(actual, equalTo(want));
    }

    @Test
    void totalsAndConservationSumsMatch() throws IOException {
      JsonNode totals = expected.get("totals");
      assertThat(
          summary.get("totals").get("posts").asLong(), equalTo(totals.get("posts").asLong()));
      assertThat(
          summary.get("totals").get("engagement").asLong(),
          equalTo(totals.get("engagement").asLong()));
      assertThat(
          summary.get("totals").get("views_credited").asLong(),
          equalTo(totals.get("credited_views").asLong()));
      assertThat(
          summary.get("orphan_views").get("views").asLong(),
          equalTo(totals.get("orphan_views").asLong()));
      long engagement = 0;
      long views = 0;
      for (Map<String, String> r : rows("entities_weekly.csv")) {
        engagement += Long.parseLong(r.get("engagement"));
        views += Long.parseLong(r.get("views"));
      }
      assertThat(engagement, equalTo(totals.get("engagement").asLong()));
      assertThat(views, equalTo(totals.get("credited_views").asLong()));
      List<Map<String, String>> posts = rows("posts_attributed.csv");
      assertThat(
          posts.stream().filter(p -> p.get("campaign").equals("true")).count(),
          equalTo(totals.get("campaign_posts").asLong()));
      assertThat(
          posts.stream().filter(p -> !p.get("bulletin_id").isEmpty()).count(),
          equalTo(totals.get("campaign_posts_with_bulletin").asLong()));
    }

    @Test
    void outputRowCountsMatch() throws IOException {
      Map<String, Long> actual = new LinkedHashMap<>();
      Map<String, Long> want = new LinkedHashMap<>();
      expected
          .get("output_row_counts")
          .fields()
          .forEachRemaining(e -> want.put(e.getKey(), e.getValue().asLong()));
      for (String report : want.keySet()) {
        actual.put(report, (long) rows(report + ".csv").size());
      }
      assertThat(actual, equalTo(want));
    }

    @Test
    void chosenEntityWeeksMatchColumnByColumn() throws IOException {
      assertRowsContain("entities_weekly.csv", expected.get("entity_weeks"));
    }

    @Test
    void everyBulletinUptakeRowMatches() throws IOException {
      assertRowsContain("bulletin_uptake.csv", expected.get("bulletin_uptake"));
      assertThat(
          rows("bulletin_uptake.csv").size(), equalTo(expected.get("bulletin_uptake").size()));
    }

    @Test
    void everyChannelGrowthRowMatches() throws IOException {
      assertRowsContain("channel_growth.csv", expected.get("channel_growth"));
      assertThat(rows("channel_growth.csv").size(), equalTo(expected.get("channel_growth").size()));
    }

    @Test
    void scenarioPostsAreAttributedAsPlanned() throws IOException {
      assertRowsContain("posts_attributed.csv", expected.get("scenario_posts"));
    }

    @Test
    void weeklyTotalsAcrossEntitiesMatch() throws IOException {
      Map<String, long[]> weeks = new LinkedHashMap<>();
      for (Map<String, String> r : rows("entities_weekly.csv")) {
        long[] w = weeks.computeIfAbsent(r.get("week"), k -> new long[4]);
        w[0] += Long.parseLong(r.get("posts"));
        w[1] += Long.parseLong(r.get("campaign_posts"));
        w[2] += Long.parseLong(r.get("engagement"));
        w[3] += Long.parseLong(r.get("views"));
      }
      expected
          .get("weeks")
          .fields()
          .forEachRemaining(
              e -> {
                long[] w = weeks.get(e.getKey());
                JsonNode x = e.getValue();
                assertThat(
                    e.getKey(),
                    List.of(w[0], w[1], w[2], w[3]),
                    equalTo(
                        List.of(
                            x.get("posts").asLong(),
                            x.get("campaign_posts").asLong(),
                            x.get("engagement").asLong(),
                            x.get("views").asLong())));
              });
    }
  }
}
