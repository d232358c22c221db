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
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Flink the full step names become operator uids, so a rename breaks savepoint restore. The
 * report pipeline's names are pinned in testdata/step-names/report.txt: a rename is a reviewed
 * change. Regenerate with {@code mvn test -Dtest=StepNamesTest -Dmegaphone.updateStepNames=true}.
 */
class StepNamesTest {
  private static final Path GOLDEN = Paths.get("..", "testdata", "step-names", "report.txt");

  @Test
  void reportPipelineStepNamesAreUniqueAndMatchTheGoldenList(@TempDir Path tmp) throws IOException {
    ReportOptions options =
        Megaphone.parse(
            new String[] {
              "--input=" + tmp, "--output=" + tmp.resolve("out"), "--stableUniqueNames=ERROR"
            });
    Pipeline pipeline = Pipeline.create(options);
    ReportPipeline.build(pipeline, options, tmp.resolve("staging").toString());
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
    String actual = String.join("\n", names) + "\n";
    if (Boolean.getBoolean("megaphone.updateStepNames")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertThat(
        "step names changed: review, then regenerate testdata/step-names/report.txt",
        actual,
        equalTo(Files.readString(GOLDEN, StandardCharsets.UTF_8)));
    // Pipeline.run validates unique names under --stableUniqueNames=ERROR; names are unique too:
    assertThat(names.stream().distinct().count(), equalTo((long) names.size()));
  }
}
