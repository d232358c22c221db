package org.megaphone.pipelines.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.report.ReportRun;

/** The benchmark's references compute the report's author-attributed core, and agree with it. */
class BenchTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

  /** anna has two posts (one exported twice), a post by an outsider, a post with a bad time. */
  private static Path dataset(Path dir) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("accounts.csv"),
        "platform,handle,entity_id,entity_name,role\ninstagram,anna_k,anna,Anna,influencer\n");
    Files.writeString(
        dir.resolve("posts.csv"),
        """
        platform,post_id,handle,published_at,text,url,language,likes,comments,shares,saves,followers,exported_at
        instagram,p1,anna_k,2020-03-23T10:00:00+02:00,x,,fi,10,1,0,0,,2020-03-24T08:00:00+02:00
        instagram,p1,anna_k,2020-03-23T10:00:00+02:00,x,,fi,20,1,0,0,,2020-03-27T08:00:00+02:00
        instagram,p2,@Anna_K,2020-03-30T00:30:00+03:00,x,,fi,5,0,0,0,,2020-03-31T08:00:00+03:00
        instagram,p3,someone,2020-03-24T10:00:00+02:00,x,,fi,100,0,0,0,,2020-03-25T08:00:00+02:00
        instagram,p4,anna_k,yesterday,x,,fi,7,0,0,0,,2020-03-25T08:00:00+02:00
        """);
    Files.writeString(
        dir.resolve("views.csv"),
        """
        platform,post_id,observed_at,views
        instagram,p1,2020-03-24T10:00:00+02:00,100
        instagram,p1,2020-03-25T10:00:00+02:00,250
        instagram,p3,2020-03-25T10:00:00+02:00,999
        """);
    return dir;
  }

  /**
   * p1's later export (21) in W13, p2 in W14 (Monday 00:30 in Helsinki), views: p1's highest 250.
   */
  private static final Map<String, String> EXPECTED =
      Map.of("2020-W13|anna", "1,21", "2020-W14|anna", "1,5", "views|anna", "0,250");

  private static Map<String, String> flat(Map<String, long[]> result) {
    Map<String, String> out = new TreeMap<>();
    result.forEach((k, v) -> out.put(k, v[0] + "," + v[1]));
    return out;
  }

  @Test
  void anUnknownBenchOptionIsAUsageErrorThatNamesTheOptionsBenchTakes() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        BenchCommand.run(
            new String[] {"--scale=1", "--colour=blue"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code, equalTo(2));
    assertThat(
        err.toString(StandardCharsets.UTF_8),
        containsString("unknown option --colour (bench takes --scale"));
  }

  @Test
  void theSinglePassComputesTheAuthorAttributedCore(@TempDir Path tmp) throws Exception {
    assertThat(
        flat(BenchReferences.singlePass(dataset(tmp.resolve("in")), ZONE)),
        equalTo(new TreeMap<>(EXPECTED)));
  }

  @Test
  void duckDbComputesTheSameCore(@TempDir Path tmp) throws Exception {
    assertThat(BenchReferences.duckDbAvailable(), equalTo(true));
    assertThat(
        flat(BenchReferences.duckDb(dataset(tmp.resolve("in")), ZONE)),
        equalTo(new TreeMap<>(EXPECTED)));
  }

  @Test
  @Timeout(120)
  void thePlainBeamPipelineOnEmbeddedFlinkComputesTheSameCore(@TempDir Path tmp) throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    assertThat(
        flat(BenchBeam.run(dataset(tmp.resolve("in")), out, ZONE)),
        equalTo(new TreeMap<>(EXPECTED)));
  }

  @Test
  void megaphoneReadsTheSameCoreFromItsReport(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    ReportRun.run(
        Megaphone.parse(
            new String[] {
              "--input=" + dataset(tmp.resolve("in")),
              "--output=" + out,
              "--timezone=Europe/Helsinki",
              "--maxRejectRatio=0.5"
            }));
    assertThat(flat(BenchReferences.megaphone(out)), equalTo(new TreeMap<>(EXPECTED)));
  }

  @Test
  @Timeout(300)
  void theBenchmarkPrintsItsFiguresAndTheEnginesAgree(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code =
        Bench.run(
            Map.of(
                "scale",
                "1",
                "runs",
                "1",
                "warmup",
                "0",
                "engines",
                "direct,duckdb,singlepass",
                "work",
                tmp.toString()),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out, code, equalTo(0));
    assertThat(out, containsString("agree: direct and duckdb"));
    assertThat(out, containsString("agree: direct and singlepass"));
    assertThat(out, containsString("Megaphone direct / duckdb: "));
  }
}
