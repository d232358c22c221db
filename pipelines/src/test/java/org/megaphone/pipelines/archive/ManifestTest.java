package org.megaphone.pipelines.archive;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.report.ReportRun;
import org.megaphone.pipelines.testing.MiniDataset;
import org.megaphone.read.TableFiles;
import org.megaphone.reports.Report;

/** summary.json as a manifest: verify checks files against it, rerun reproduces it. */
class ManifestTest {
  @TempDir Path tmp;
  private Path input;
  private Path manifest;

  @BeforeEach
  void firstRun() throws IOException {
    input = MiniDataset.write(tmp.resolve("in"));
    ReportRun.run(
        Megaphone.parse(
            new String[] {
              "--input=" + input,
              "--output=" + tmp.resolve("out"),
              "--timezone=Europe/Helsinki",
              "--maxRejectRatio=0.6"
            }));
    manifest = tmp.resolve("out").resolve("summary.json");
  }

  private record Outcome(int code, String out) {}

  private static Outcome megaphone(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Megaphone.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return new Outcome(code, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theManifestListsEveryOutputWithItsSha256AndTheCommitOfTheBuild() throws IOException {
    JsonNode summary = new ObjectMapper().readTree(manifest.toFile());
    assertThat(summary.path("outputs").size(), equalTo(Report.files().size() + 1));
    assertThat(
        summary.path("outputs").get(Report.files().size()).path("file").asText(),
        equalTo("report.html"));
    for (JsonNode o : summary.path("outputs")) {
      byte[] bytes = Files.readAllBytes(tmp.resolve("out").resolve(o.path("file").asText()));
      assertThat(o.path("sha256").asText(), equalTo(TableFiles.sha256(bytes)));
      assertThat(o.path("bytes").asLong(), equalTo((long) bytes.length));
    }
    assertThat(
        summary.path("versions").path("commit").asText(), matchesPattern("[0-9a-f]{40}|unknown"));
    assertThat(summary.path("options").path("timezone").asText(), equalTo("Europe/Helsinki"));
  }

  @Test
  void verifyPassesOnUntouchedFilesAndNamesChangedAddedAndMissingFiles() throws IOException {
    Outcome ok = megaphone("verify", "--manifest=" + manifest);
    assertThat(ok.out(), ok.code(), equalTo(0));
    assertThat(ok.out(), containsString("verified"));

    Files.writeString(input.resolve("accounts.csv"), "\n", StandardOpenOption.APPEND);
    Files.writeString(
        tmp.resolve("out").resolve("entities_weekly.csv"), "tampered\n", StandardOpenOption.APPEND);
    Files.delete(tmp.resolve("out").resolve("rejects.csv"));
    Files.writeString(input.resolve("posts_late.csv"), "platform,post_id,handle,published_at\n");
    Files.writeString(input.resolve("claims_new.csv"), "claim_id,phrases\nx,rumour\n");
    Outcome bad = megaphone("verify", "--manifest=" + manifest);
    assertThat(bad.code(), equalTo(1));
    assertThat(
        bad.out(),
        containsString("input added: " + input.resolve("posts_late.csv").toAbsolutePath()));
    assertThat(
        bad.out(),
        containsString("input added: " + input.resolve("claims_new.csv").toAbsolutePath()));
    assertThat(bad.out(), containsString("input changed: " + input.resolve("accounts.csv")));
    assertThat(
        bad.out(),
        containsString("output changed: " + tmp.resolve("out").resolve("entities_weekly.csv")));
    assertThat(
        bad.out(), containsString("output missing: " + tmp.resolve("out").resolve("rejects.csv")));
  }

  @Test
  void rerunWithTheRecordedOptionsIsIdenticalAndAChangedOptionIsReportedAsDifferent() {
    Outcome same = megaphone("rerun", "--manifest=" + manifest, "--output=" + tmp.resolve("again"));
    assertThat(same.out(), same.code(), equalTo(0));
    assertThat(same.out(), containsString("rerun: identical to the manifest"));

    Outcome changed =
        megaphone(
            "rerun",
            "--manifest=" + manifest,
            "--output=" + tmp.resolve("changed"),
            "--timezone=UTC");
    assertThat(changed.out(), changed.code(), equalTo(Megaphone.DIFFERENT));
    assertThat(
        changed.out(), containsString("rerun: DIFFERENT from the manifest: entities_weekly.csv"));
  }

  @Test
  void aManifestRecordingAnOptionThisVersionDoesNotKnowIsAUsageErrorNotAnOptionDropped()
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode summary = (ObjectNode) json.readTree(manifest.toFile());
    ((ObjectNode) summary.get("options")).put("retiredOption", "7");
    Path edited = tmp.resolve("out").resolve("edited.json");
    json.writeValue(edited.toFile(), summary);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Megaphone.run(
            new String[] {"rerun", "--manifest=" + edited, "--output=" + tmp.resolve("again")},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code, equalTo(2));
    assertThat(
        err.toString(StandardCharsets.UTF_8),
        containsString("records options this version does not know: retiredOption"));
    // verify checks files, not options: the same manifest still verifies.
    Outcome verified = megaphone("verify", "--manifest=" + edited);
    assertThat(verified.out(), verified.code(), equalTo(0));
  }

  @Test
  void verifyNamesAFieldOfTheWrongTypeAndAnOutputWithoutANameAsDifferencesInsteadOfFailing()
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode summary = (ObjectNode) json.readTree(manifest.toFile());
    ((ObjectNode) summary.get("totals")).put("engagement", "lots");
    ((ObjectNode) summary.get("outputs").get(0)).remove("file");
    json.writeValue(manifest.toFile(), summary);
    Outcome bad = megaphone("verify", "--manifest=" + manifest);
    assertThat(bad.out(), bad.code(), equalTo(1));
    assertThat(
        bad.out(),
        containsString("summary: /totals/engagement has a value of the wrong type (lots)"));
    assertThat(bad.out(), containsString("summary: an output without a file name"));
  }

  @Test
  void rerunAndVerifyWithoutAManifestAreUsageErrors() {
    assertThat(megaphone("rerun", "--output=" + tmp.resolve("x")).code(), equalTo(2));
    assertThat(megaphone("verify").code(), equalTo(2));
    assertThat(megaphone("verify", "--manifest=" + tmp.resolve("nothing.json")).code(), equalTo(2));
  }
}
