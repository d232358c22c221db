package org.megaphone.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.options.ReportOptions;
import org.megaphone.pipelines.options.StreamOptions;
import org.megaphone.pipelines.report.ReportPipeline;
import org.megaphone.pipelines.stream.StreamPipeline;

/**
 * On Flink the full step names become operator uids, so a rename breaks savepoint restore. The
 * names of the report and stream pipelines are pinned in testdata/step-names/: a rename is a
 * reviewed change (see runbooks/upgrade-and-savepoints.md). Regenerate with {@code mvn test
 * -Dtest=StepNamesTest -Dmegaphone.updateStepNames=true}.
 */
class StepNamesTest {
  private static final Path GOLDEN = Paths.get("..", "testdata", "step-names");

  private static List<String> stepNames(Pipeline pipeline) {
    List<String> names = new ArrayList<>();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
            if (!node.isRootNode()) {
              names.add(node.getFullName());
            }
            return CompositeBehavior.ENTER_TRANSFORM;
          }

          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            names.add(node.getFullName());
          }
        });
    names.sort(String::compareTo);
    return names;
  }

  private static void assertMatchesGolden(List<String> names, String file) throws IOException {
    Path golden = GOLDEN.resolve(file);
    String actual = String.join("\n", names) + "\n";
    if (Boolean.getBoolean("megaphone.updateStepNames")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(
        "step names changed: review, then regenerate testdata/step-names/" + file,
        actual,
        equalTo(Files.readString(golden, StandardCharsets.UTF_8)));
    // Pipeline.run validates unique names under --stableUniqueNames=ERROR; names are unique too:
    assertThat(names.stream().distinct().count(), equalTo((long) names.size()));
  }

  @Test
  void reportPipelineStepNamesAreUniqueAndMatchTheGoldenList(@TempDir Path tmp) throws IOException {
    ReportOptions options =
        Megaphone.parse(
            new String[] {
              "--input=" + tmp, "--output=" + tmp.resolve("out"), "--stableUniqueNames=ERROR"
            });
    Pipeline pipeline = Pipeline.create(options);
    ReportPipeline.build(pipeline, options, tmp.resolve("staging").toString());
    assertMatchesGolden(stepNames(pipeline), "report.txt");
  }

  @Test
  void streamPipelineStepNamesAreUniqueAndMatchTheGoldenLists(@TempDir Path tmp)
      throws IOException {
    for (String source : List.of("folder", "kafka")) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--input=" + tmp,
                  "--output=" + tmp.resolve("live"),
                  "--stableUniqueNames=ERROR"));
      if (source.equals("kafka")) {
        args.addAll(
            List.of(
                "--kafkaBootstrap=127.0.0.1:9092",
                "--reportsTopic=reports",
                "--deadLetterTopic=dead"));
      }
      StreamOptions options =
          PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).as(StreamOptions.class);
      Pipeline pipeline = Pipeline.create(options);
      StreamPipeline.build(pipeline, options);
      assertMatchesGolden(stepNames(pipeline), "stream-" + source + ".txt");
    }
  }
}
