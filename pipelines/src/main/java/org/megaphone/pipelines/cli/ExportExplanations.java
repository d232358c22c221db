package org.megaphone.pipelines.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.megaphone.pipelines.run.RunFailedException;
import org.megaphone.read.InputException;
import org.megaphone.read.TableFiles;
import org.megaphone.read.exports.ExportFiles;
import org.megaphone.read.exports.ReadExports;

/**
 * {@code megaphone profiles --explain DIR}: for each file the report would read from DIR/exports/
 * (and its folders one level down), the profile that reads it and the columns that identify it, or,
 * for a file no profile recognises, the message that would stop the run: the closest profile and
 * what it lacks. It reads headers only: a file whose rows would stop a run (an ambiguous zone
 * abbreviation, D42) is explained as recognised.
 */
public final class ExportExplanations {
  private ExportExplanations() {}

  /** Prints one explanation per export file; returns how many no profile recognises. */
  static int print(Path dataset, PrintStream out) {
    Path exports = dataset.resolve(ReadExports.FOLDER);
    if (!Files.isDirectory(exports)) {
      throw new RunFailedException(
          dataset + " has no " + ReadExports.FOLDER + "/ folder: there are no exports to explain");
    }
    int unknown = 0;
    for (Path file : files(exports)) {
      String path =
          ReadExports.FOLDER + "/" + exports.relativize(file).toString().replace('\\', '/');
      ExportFiles.Explanation explanation;
      try {
        explanation = ExportFiles.explain(path, text(file, path), null);
      } catch (InputException e) {
        // A file that cannot be read as text (a truncated gzip, one over the size bound).
        explanation = new ExportFiles.Explanation(null, e.getMessage());
      }
      out.println(explanation.text());
      if (explanation.profile() == null) {
        unknown++;
      }
    }
    return unknown;
  }

  /**
   * The files ReadExports reads: exports/* and exports/*&#47;*, named like exports, in name order.
   */
  private static List<Path> files(Path exports) {
    try (Stream<Path> walk = Files.walk(exports, 2)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> ReadExports.isExportName(f.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new RunFailedException("cannot list " + exports + ": " + e.getMessage());
    }
  }

  private static String text(Path file, String path) {
    try {
      byte[] bytes =
          TableFiles.readAtMost(Files.newInputStream(file), ReadExports.MAX_EXPORT_BYTES, path, "");
      return ReadExports.decode(path, bytes).text();
    } catch (IOException e) {
      throw new RunFailedException("cannot read " + path + ": " + e.getMessage());
    }
  }
}
