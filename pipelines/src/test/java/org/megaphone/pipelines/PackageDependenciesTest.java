package org.megaphone.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout the README describes: each package uses only the packages its row of the README's
 * table allows, and transforms never uses pipelines. Read from the code of the sources (not their
 * comments): imports and qualified names.
 */
class PackageDependenciesTest {
  /** Each module's packages, in the README's order, with those each may use. */
  private static final Map<String, Map<String, Set<String>>> ALLOWED =
      Map.of(
          "org.megaphone",
          Map.ofEntries(
              Map.entry("model", Set.of()),
              Map.entry("reports", Set.of()),
              Map.entry("rules", Set.of("model")),
              Map.entry("read", Set.of("model", "rules")),
              Map.entry("read.exports", Set.of("model", "rules", "read")),
              Map.entry("content", Set.of("read")),
              Map.entry("attribution", Set.of("model", "rules", "read", "content")),
              Map.entry("write", Set.of("model", "rules", "reports")),
              Map.entry("write.html", Set.of("read", "rules", "reports")),
              Map.entry("weekly", Set.of("model", "rules", "reports", "attribution", "write")),
              Map.entry(
                  "stream",
                  Set.of("model", "rules", "reports", "read", "attribution", "write", "weekly"))),
          "org.megaphone.pipelines",
          Map.of(
              "options", Set.of(),
              "run", Set.of(),
              "config", Set.of("options", "run"),
              "report", Set.of("options", "run", "config"),
              "weekly", Set.of("options", "run", "report"),
              "stream", Set.of("options", "run", "config"),
              "archive", Set.of("options", "report"),
              "cli", Set.of("options", "run", "config", "report", "weekly", "stream", "archive")));

  private static final Pattern USE = Pattern.compile("\\borg\\.megaphone\\.([a-z.]+)\\.[A-Z]");

  @Test
  void eachPackageUsesOnlyThePackagesTheReadmeAllowsIt() throws IOException {
    List<String> wrong = new ArrayList<>();
    check(
        Paths.get("..", "transforms", "src", "main", "java", "org", "megaphone"),
        "org.megaphone",
        wrong);
    check(
        Paths.get("src", "main", "java", "org", "megaphone", "pipelines"),
        "org.megaphone.pipelines",
        wrong);
    assertThat(wrong, empty());
  }

  private static void check(Path root, String base, List<String> wrong) throws IOException {
    Map<String, Set<String>> allowed = ALLOWED.get(base);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(file.getParent()).toString().replace('/', '.');
        if (!allowed.containsKey(pkg)) {
          wrong.add(file + ": package " + pkg + " is not in the README's layout");
          continue;
        }
        // Code only: a comment may point anywhere.
        String code =
            Files.readString(file, StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\\n]*", "");
        Matcher m = USE.matcher(code);
        while (m.find()) {
          String used = m.group(1);
          if (base.equals("org.megaphone") && used.startsWith("pipelines")) {
            wrong.add(file + ": transforms uses pipelines (" + used + ")");
            continue;
          }
          String prefix = base.equals("org.megaphone") ? "" : "pipelines.";
          if (!used.startsWith(prefix) || (prefix.isEmpty() && used.startsWith("pipelines"))) {
            continue; // the other module, used as a whole
          }
          String usedPkg = used.substring(prefix.length());
          if (!usedPkg.equals(pkg) && !allowed.get(pkg).contains(usedPkg)) {
            wrong.add(file + ": " + pkg + " uses " + usedPkg + ", which the README does not allow");
          }
        }
      }
    }
  }
}
