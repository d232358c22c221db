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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout the README describes: in each module a package uses only the packages listed before
 * it, and transforms never uses pipelines. Read from the sources' imports and qualified names.
 */
class PackageDependenciesTest {
  /** Each module's packages in their order: one may use only those before it. */
  private static final Map<String, List<String>> ORDER =
      Map.of(
          "org.megaphone",
          List.of(
              "model",
              "reports",
              "rules",
              "read",
              "read.exports",
              "content",
              "attribution",
              "write",
              "write.html",
              "weekly",
              "stream"),
          "org.megaphone.pipelines",
          List.of("options", "run", "config", "report", "weekly", "stream", "archive", "cli"));

  private static final Pattern USE = Pattern.compile("\\borg\\.megaphone\\.([a-z.]+)\\.[A-Z]");

  @Test
  void eachPackageUsesOnlyThePackagesListedBeforeIt() throws IOException {
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
    List<String> order = ORDER.get(base);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(file.getParent()).toString().replace('/', '.');
        int position = order.indexOf(pkg);
        if (position < 0) {
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
          int usedPosition = order.indexOf(usedPkg);
          if (!usedPkg.equals(pkg) && (usedPosition < 0 || usedPosition > position)) {
            wrong.add(file + ": " + pkg + " uses " + usedPkg + ", listed after it");
          }
        }
      }
    }
  }
}
