package org.megaphone.pipelines.archive;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.report.ReportRun;
import org.megaphone.reports.Report;
import org.megaphone.write.html.HtmlReport;

/**
 * A researcher's guarantee: a generated archive gives byte-identical reports on every run, with any
 * number of shards, with the files written to disk in another order, and on embedded Flink.
 */
class ReproducibilityIT {

  private static void report(Path in, Path out, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("--input=" + in, "--output=" + out, "--timezone=Europe/Helsinki"));
    args.addAll(List.of(extra));
    ReportRun.run(Megaphone.parse(args.toArray(new String[0])));
  }

  /** Copies the archive file by file in reverse path order, so a listing meets them differently. */
  private static void copyReversed(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(from)) {
      files = all.filter(Files::isRegularFile).sorted(Comparator.reverseOrder()).toList();
    }
    for (Path f : files) {
      Path target = to.resolve(from.relativize(f));
      Files.createDirectories(target.getParent());
      Files.copy(f, target);
    }
  }

  private static List<String> files() {
    List<String> files = new ArrayList<>(Report.files());
    files.add(HtmlReport.FILE);
    return files;
  }

  @Test
  @Timeout(400)
  void aGeneratedArchiveGivesIdenticalReportsAcrossRunsShardsFileOrderAndRunners(@TempDir Path tmp)
      throws IOException {
    Path archive = tmp.resolve("archive");
    Generate.write(archive, 1, 11, true);
    // Same folder name elsewhere: report.html names the dataset by its folder's name.
    Path reordered = tmp.resolve("reordered").resolve("archive");
    copyReversed(archive, reordered);

    report(archive, tmp.resolve("first"));
    report(archive, tmp.resolve("second"));
    report(archive, tmp.resolve("shards"), "--shards=7");
    report(reordered, tmp.resolve("reordered-out"));
    // As `report` runs a large input by default: embedded Flink with object reuse.
    report(
        archive,
        tmp.resolve("flink"),
        "--runner=FlinkRunner",
        "--flinkMaster=[local]",
        "--parallelism=2",
        "--objectReuse=true",
        "--fasterCopy=true");

    for (String run : List.of("second", "shards", "reordered-out", "flink")) {
      for (String file : files()) {
        assertThat(
            run + " " + file,
            Files.readAllBytes(tmp.resolve(run).resolve(file)),
            equalTo(Files.readAllBytes(tmp.resolve("first").resolve(file))));
      }
    }
  }
}
