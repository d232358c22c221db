package org.megaphone.pipelines.config;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.megaphone.content.Claims;
import org.megaphone.content.Content;
import org.megaphone.content.Lexicon;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.pipelines.run.RunFailedException;
import org.megaphone.read.InputFile;
import org.megaphone.read.InputFiles;
import org.megaphone.read.Locations;
import org.megaphone.read.Table;
import org.megaphone.read.TableFiles;

/**
 * The themes lexicon (the jar's, or --themes=FILE) and the dataset's claims*.csv, read when the job
 * is built (they are small configuration, like the stream's roster) and carried as a value. The
 * files read are listed with their SHA-256 so summary.json can name them as inputs.
 */
public record ContentConfiguration(Content content, List<InputFile> files) {

  /**
   * Reads the lexicon ({@code themesFile}, or the jar's when null or empty) and the input's claims
   * files.
   *
   * @throws UsageException when --themes names a file that cannot be read
   * @throws org.megaphone.read.InputException when the lexicon or a claims file is malformed
   */
  public static ContentConfiguration read(InputFiles input, String themesFile) {
    List<InputFile> files = new ArrayList<>();
    Lexicon lexicon;
    if (themesFile == null || themesFile.isEmpty()) {
      lexicon = Lexicon.defaults();
    } else {
      byte[] bytes;
      try {
        bytes = Locations.read(themesFile);
      } catch (IOException e) {
        throw new UsageException("--themes=" + themesFile + " cannot be read: " + e.getMessage());
      }
      String text = TableFiles.decodeText(themesFile, bytes).text();
      lexicon = Lexicon.parse(text, themesFile);
      String path =
          Locations.isRemote(themesFile)
              ? themesFile
              : Paths.get(themesFile).toAbsolutePath().toString();
      files.add(stat("themes", path, bytes, text));
    }
    Map<String, String> claimFiles = new TreeMap<>();
    try {
      for (Locations.Entry f : input.list()) {
        if (Table.isFileOf("claims", f.fileName())) {
          byte[] bytes = Locations.read(f.location());
          String name = f.name();
          String text = TableFiles.decodeText(f.fileName(), bytes).text();
          claimFiles.put(name, text);
          files.add(stat("claims", name, bytes, text));
        }
      }
    } catch (IOException e) {
      throw new RunFailedException(
          "cannot read the claims in " + input.root() + ": " + e.getMessage(), e);
    }
    return new ContentConfiguration(new Content(lexicon, Claims.parse(claimFiles)), files);
  }

  private static InputFile stat(String table, String path, byte[] bytes, String text) {
    long rows =
        text.lines().filter(l -> !l.isBlank() && !l.stripLeading().startsWith("#")).count() - 1;
    return InputFile.create(
        table,
        path,
        bytes.length,
        TableFiles.sha256(bytes),
        Math.max(0, rows),
        0,
        "UTF-8",
        "canonical");
  }
}
