package org.megaphone.read.exports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.read.Table;
import org.megaphone.read.TableFiles;
import org.megaphone.read.Tables;

/**
 * Each profile on a fixture in its real layout (src/test/resources/exports/&lt;profile&gt;/, see
 * the README there): the canonical rows it gives are exactly the ones written by hand in
 * expected_posts.csv and expected_views.csv, and the profile is recognised from the header alone.
 */
class ExportProfileFixturesTest {
  private static final Path FIXTURES = Paths.get("src", "test", "resources", "exports");
  private static final String ZONE = "Europe/Helsinki";

  static Stream<String> profiles() throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .filter(
              name ->
                  !name.equals("quirks")
                      && !name.equals("localized")) // ExportQuirksTest's, ExportLanguagesTest's
          .sorted()
          .toList()
          .stream();
    }
  }

  record Read(
      String profile,
      List<Post> posts,
      List<ViewSnapshot> views,
      List<Reject> rejects,
      ExportFiles.Counts counts) {}

  private static Path nativeFile(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> !f.getFileName().toString().startsWith("expected_"))
          .filter(f -> !f.getFileName().toString().equals(Sources.FILE))
          .filter(f -> !f.getFileName().toString().endsWith(".md"))
          .findFirst()
          .orElseThrow();
    }
  }

  static Read readNative(Path dir) throws IOException {
    Path sourcesFile = dir.resolve(Sources.FILE);
    Sources sources =
        Files.exists(sourcesFile)
            ? Sources.parse(Files.readString(sourcesFile, StandardCharsets.UTF_8), ZONE)
            : Sources.none();
    return readNative(dir, sources, ZONE);
  }

  /** The fixture's native file read with the given sources.csv and --timezone. */
  static Read readNative(Path dir, Sources sources, String zone) throws IOException {
    Path file = nativeFile(dir);
    ExportFile described = sources.describe(file.getFileName().toString(), zone);
    String text = TableFiles.decodeExport(file.toString(), Files.readAllBytes(file)).text();
    List<Post> posts = new ArrayList<>();
    List<ViewSnapshot> views = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    ExportFiles.Counts counts =
        ExportFiles.parse(described, text, null, posts::add, views::add, rejects::add);
    return new Read(counts.profile(), posts, views, rejects, counts);
  }

  static <T> List<T> expected(Path dir, String file, Table<T> table) throws IOException {
    List<T> rows = new ArrayList<>();
    Path f = dir.resolve(file);
    if (Files.exists(f)) {
      List<Reject> bad = new ArrayList<>();
      TableFiles.parse(
          table, file, TableFiles.decode(file, Files.readAllBytes(f)), rows::add, bad::add);
      assertThat(file + " is itself valid", bad, empty());
    }
    return rows;
  }

  /** A post without where it was read, so native and canonical rows compare. */
  static List<String> comparable(List<Post> posts) {
    return posts.stream()
        .map(
            p ->
                String.join(
                    " | ",
                    p.getPlatform(),
                    p.getPostId(),
                    p.getHandle(),
                    Long.toString(p.getPublishedAt()),
                    String.valueOf(p.getText()),
                    String.valueOf(p.getUrl()),
                    String.valueOf(p.getLanguage()),
                    Long.toString(p.getLikes()),
                    Long.toString(p.getComments()),
                    Long.toString(p.getShares()),
                    Long.toString(p.getSaves()),
                    String.valueOf(p.getFollowers()),
                    String.valueOf(p.getExportedAt())))
        .sorted()
        .toList();
  }

  static List<String> comparableViews(List<ViewSnapshot> views) {
    return views.stream().map(ViewSnapshot::toString).sorted().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void fixtureIsRecognisedByItsHeaderAndGivesTheHandWrittenCanonicalRows(String profile)
      throws IOException {
    Path dir = FIXTURES.resolve(profile);
    Read read = readNative(dir);

    assertThat(read.profile(), equalTo(profile));
    assertThat(read.rejects(), empty());
    givesTheHandWrittenRows(dir, read);
  }

  /** The posts and views read equal the fixture's expected_posts.csv and expected_views.csv. */
  static void givesTheHandWrittenRows(Path dir, Read read) throws IOException {
    assertThat(
        comparable(read.posts()),
        equalTo(comparable(expected(dir, "expected_posts.csv", Tables.posts(ZONE)))));
    assertThat(
        comparableViews(read.views()),
        equalTo(comparableViews(expected(dir, "expected_views.csv", Tables.views(ZONE)))));
  }
}
