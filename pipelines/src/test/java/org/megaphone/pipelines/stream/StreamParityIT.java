package org.megaphone.pipelines.stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaphone.attribution.AttributePosts;
import org.megaphone.attribution.BuildRoster;
import org.megaphone.attribution.Campaigns;
import org.megaphone.attribution.Roster;
import org.megaphone.content.Content;
import org.megaphone.model.Account;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Post;
import org.megaphone.model.PostEvent;
import org.megaphone.model.Reject;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.config.ContentConfiguration;
import org.megaphone.pipelines.config.JobConfiguration;
import org.megaphone.pipelines.report.ReportRun;
import org.megaphone.read.CsvRecords;
import org.megaphone.read.InputFiles;
import org.megaphone.read.Table;
import org.megaphone.read.TableFiles;
import org.megaphone.read.Tables;
import org.megaphone.reports.Report;
import org.megaphone.stream.CreditIncrementally;
import org.megaphone.stream.PaneRow;
import org.megaphone.stream.RankTopPosts;
import org.megaphone.stream.WeeklyPanes;
import org.megaphone.stream.WriteCurrentFiles;

/**
 * Parity: each testdata set, streamed in shuffled order with the watermark advancing, ends with the
 * rows the batch report writes: entities_weekly, platforms_weekly, themes_weekly, claims_weekly and
 * top_posts_weekly (the last from the attributed posts, shuffled on their own).
 */
public class StreamParityIT {

  private static <T> List<T> read(Path dir, Table<T> table) throws IOException {
    List<T> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        if (table.matches(f.getFileName().toString())) {
          List<Reject> ignored = new ArrayList<>();
          TableFiles.parse(
              table,
              f.getFileName().toString(),
              TableFiles.decode(f.getFileName().toString(), Files.readAllBytes(f)),
              rows::add,
              ignored::add);
        }
      }
    }
    return rows;
  }

  /** A report's rows in a folder as "key -> line", its key columns being the key. */
  public static Map<String, String> batchRows(Path folder, Report report) throws IOException {
    int keyColumns = report.keyColumns().size();
    Map<String, String> rows = new TreeMap<>();
    List<CsvRecords.CsvRecord> records =
        CsvRecords.parse(
            Files.readString(folder.resolve(report.file()), StandardCharsets.UTF_8), ',');
    for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
      rows.put(String.join("|", r.fields.subList(0, keyColumns)), String.join(",", r.fields));
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"turin,Europe/Rome", "coronafacts,Europe/Helsinki"})
  void shuffledStreamEndsWithTheBatchRows(String dataset, String zone, @TempDir Path tmp)
      throws Exception {
    Path in = Paths.get("..", "testdata", dataset);
    ReportRun.run(
        Megaphone.parse(
            new String[] {
              "--input=" + in, "--output=" + tmp.resolve("batch"), "--timezone=" + zone
            }));

    // The batch rules for each row, in plain Java: the stream receives attributed rows.
    // Roster, campaigns and overrides as the report's driver reads them, with its default options.
    List<Account> accounts = read(in, Tables.accounts());
    JobConfiguration config =
        JobConfiguration.read(InputFiles.topLevel(in.toString()), zone, "", "P7D");
    Roster roster = config.roster();
    Campaigns campaigns = config.campaigns();
    Map<String, String> overrides = config.overrides();
    Content content = ContentConfiguration.read(InputFiles.topLevel(in.toString()), "").content();
    List<TimestampedValue<PostEvent>> events = new ArrayList<>();
    List<AttributedPost> attributed = new ArrayList<>();
    for (Post p : read(in, Tables.posts(zone))) {
      AttributedPost post =
          AttributePosts.attribute(
              p, roster, campaigns, overrides.get(p.key()), ZoneId.of(zone), content);
      attributed.add(post);
      events.add(TimestampedValue.of(PostEvent.of(post), Instant.ofEpochMilli(p.getPublishedAt())));
    }
    Collections.shuffle(attributed, new Random(20200317L));
    for (ViewSnapshot v : read(in, Tables.views(zone))) {
      events.add(TimestampedValue.of(PostEvent.of(v), Instant.ofEpochMilli(v.getObservedAt())));
    }
    Collections.shuffle(events, new Random(20200316L));

    TestPipeline p = TestPipeline.fromOptions(PipelineOptionsFactory.create());
    p.enableAbandonedNodeEnforcement(false);
    TestStream.Builder<PostEvent> stream = TestStream.create(PostEvent.WireCoder.INSTANCE);
    int batches = 8;
    for (int b = 0; b < batches; b++) {
      List<TimestampedValue<PostEvent>> batch =
          events.subList(b * events.size() / batches, (b + 1) * events.size() / batches);
      stream =
          stream.addElements(
              batch.get(0), batch.subList(1, batch.size()).toArray(new TimestampedValue[0]));
      stream = stream.advanceProcessingTime(Duration.standardMinutes(5));
    }
    PCollectionView<Roster> rosterView =
        p.apply("Accounts", Create.of(accounts)).apply("BuildRoster", new BuildRoster());
    // Lateness covers the whole campaign: everything arrives in time to count.
    Map<String, String> expected = new TreeMap<>();
    batchRows(tmp.resolve("batch"), Report.ENTITIES_WEEKLY)
        .forEach((k, v) -> expected.put("E|" + k, v));
    batchRows(tmp.resolve("batch"), Report.PLATFORMS_WEEKLY)
        .forEach((k, v) -> expected.put("P|" + k, v));
    batchRows(tmp.resolve("batch"), Report.THEMES_WEEKLY)
        .forEach((k, v) -> expected.put("T|" + k, v));
    batchRows(tmp.resolve("batch"), Report.CLAIMS_WEEKLY)
        .forEach((k, v) -> expected.put("C|" + k, v));
    batchRows(tmp.resolve("batch"), Report.TOP_POSTS_WEEKLY)
        .forEach((k, v) -> expected.put("K|" + k, v));
    assertThat(
        "the dataset exercises themes, claims and top posts",
        expected.keySet().stream().map(k -> k.substring(0, 1)).distinct().count(),
        equalTo(5L));
    PCollection<PaneRow> weekly =
        p.apply("Events", stream.advanceWatermarkToInfinity())
            .apply("CreditIncrementally", new CreditIncrementally())
            .get(CreditIncrementally.CONTRIBUTIONS)
            .apply(
                "WeeklyPanes",
                new WeeklyPanes(
                    rosterView, zone, Duration.standardMinutes(1), Duration.standardDays(3650)));
    PCollection<PaneRow> top =
        p.apply("ShuffledPosts", Create.of(attributed).withCoder(AttributedPost.WireCoder.INSTANCE))
            .apply("RankTopPosts", new RankTopPosts(10));
    PCollection<PaneRow> global =
        weekly.apply("IntoGlobalWindow", WriteCurrentFiles.intoGlobalWindow());
    PAssert.that(PCollectionList.of(global).and(top).apply("FlattenPanes", Flatten.pCollections()))
        .satisfies(finalRowsEqual(expected));
    p.run().waitUntilFinish();
  }

  private static String prefix(String report) {
    Map<Report, String> prefixes =
        Map.of(
            Report.ENTITIES_WEEKLY, "E|",
            Report.PLATFORMS_WEEKLY, "P|",
            Report.THEMES_WEEKLY, "T|",
            Report.CLAIMS_WEEKLY, "C|");
    return prefixes.getOrDefault(Report.ofFile(report), "K|");
  }

  private static SerializableFunction<Iterable<PaneRow>, Void> finalRowsEqual(
      Map<String, String> expected) {
    return rows -> {
      Map<String, PaneRow> last = new HashMap<>();
      for (PaneRow r : rows) {
        String key = prefix(r.getReport()) + String.join("|", r.getKey());
        if (r.getReport().equals(Report.TOP_POSTS_WEEKLY.file())) {
          key =
              "K|"
                  + r.getKey().get(0)
                  + "|"
                  + Integer.parseInt(r.getKey().get(1)); // rank 000001 is row 1
        }
        if (!last.containsKey(key) || last.get(key).getSequence() < r.getSequence()) {
          last.put(key, r);
        }
      }
      Map<String, String> actual = new TreeMap<>();
      last.forEach(
          (k, r) -> {
            if (r.getExists()) {
              actual.put(k, String.join(",", r.getCells()).replace("\n", ""));
            }
          });
      Map<String, String> want = new TreeMap<>();
      expected.forEach((k, v) -> want.put(k, v.replace("\n", "")));
      assertThat(actual, equalTo(want));
      return null;
    };
  }
}
