package org.megaphone.read;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Which files an --input names: a folder, searched recursively (an archive like {@code
 * archive/2020/04/posts-2020-04-01.csv.gz}), or a glob ({@code archive/2020/**}{@code
 * /posts-*.csv.gz}). A file is named by its path relative to the root (the folder, or the glob's
 * folder part), so that two {@code posts.csv} in different folders stay apart in rejects and in the
 * manifest. Below a folder, {@code exports/} (read by the export profiles), hidden folders and
 * excluded folders (the output) are skipped.
 */
public final class InputFiles implements Serializable {
  private final String root;
  private final String pattern;
  private final boolean recursiveFolder;
  private final List<String> excluded;

  private InputFiles(String root, String pattern, boolean recursiveFolder, List<String> excluded) {
    this.root = root;
    this.pattern = pattern;
    this.recursiveFolder = recursiveFolder;
    this.excluded = excluded;
  }

  /** A folder (recursively) or a glob. */
  public static InputFiles of(String input) {
    if (Locations.isRemote(input)) {
      return remote(input);
    }
    if (isGlob(input)) {
      Path path = Paths.get(input);
      Path root = path.isAbsolute() ? path.getRoot() : Paths.get("");
      Path rest = null;
      for (Path segment : path) {
        if (rest == null && !isGlob(segment.toString())) {
          root = root.resolve(segment);
        } else {
          rest = rest == null ? segment : rest.resolve(segment);
        }
      }
      String absoluteRoot = absolute(root);
      return new InputFiles(absoluteRoot, absoluteRoot + "/" + rest, false, List.of());
    }
    String root = absolute(Paths.get(input));
    return new InputFiles(root, root + "/**", true, List.of());
  }

  /**
   * A folder or glob in an object store ({@code s3://bucket/prefix}): the root is the part before
   * the first segment with a wildcard. A store has no links, so nothing is outside the input.
   */
  private static InputFiles remote(String input) {
    if (!isGlob(input)) {
      String root = Locations.folder(input);
      return new InputFiles(root, root + "/**", true, List.of());
    }
    String[] segments = input.split("/", -1);
    StringBuilder root = new StringBuilder();
    int i = 0;
    // scheme "s3:", "", bucket: never a wildcard's folder.
    for (; i < segments.length; i++) {
      if (i > 2 && isGlob(segments[i])) {
        break;
      }
      root.append(i == 0 ? "" : "/").append(segments[i]);
    }
    return new InputFiles(Locations.folder(root.toString()), input, false, List.of());
  }

  /** Only the files directly in the folder (the stream's watched inbox). */
  public static InputFiles topLevel(String folder) {
    if (Locations.isRemote(folder)) {
      String root = Locations.folder(folder);
      return new InputFiles(root, root + "/*", false, List.of());
    }
    String root = absolute(Paths.get(folder));
    return new InputFiles(root, root + "/*", false, List.of());
  }

  /** The same, without anything below these folders (e.g. the output inside the input). */
  public InputFiles excluding(String... folders) {
    List<String> all = new ArrayList<>(excluded);
    for (String f : folders) {
      if (Locations.isRemote(f) || Locations.isRemote(root)) {
        // A store's folder is only ever below a folder of the same store.
        all.add(Locations.folder(f) + "/");
        continue;
      }
      all.add(absolute(Paths.get(f)) + "/");
      // The same folder through its links (an output given as a link into the input).
      String real = RealPaths.of(f).toString() + "/";
      if (!all.contains(real)) {
        all.add(real);
      }
    }
    return new InputFiles(root, pattern, recursiveFolder, all);
  }

  /**
   * Whether a file is inside the input once links are resolved: a link out of the input folder (to
   * another dataset, or {@code up -> ../..}) is not followed.
   */
  public boolean insideInput(String absolutePath) {
    if (Locations.isRemote(root)) {
      return true;
    }
    if (realRoot == null) {
      realRoot = RealPaths.of(root);
    }
    return RealPaths.of(absolutePath).startsWith(realRoot);
  }

  private transient Path realRoot;

  private final List<String> outsideLinks = new ArrayList<>();

  /** The listing, once made (not sent to workers: they match files through Beam). */
  private transient List<Locations.Entry> listed;

  /** The links that {@link #list} did not follow because they leave the input, as names. */
  public List<String> outsideLinks() {
    return outsideLinks;
  }

  public static boolean isGlob(String input) {
    return input.contains("*") || input.contains("?") || input.contains("[") || input.contains("{");
  }

  private static String absolute(Path p) {
    String s = p.toAbsolutePath().normalize().toString();
    return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
  }

  /** The Beam file pattern to match. */
  public String pattern() {
    return pattern;
  }

  /** The folder the names are relative to. */
  public String root() {
    return root;
  }

  /** A matched file's name: its path relative to the root. */
  public String name(String absolutePath) {
    return absolutePath.startsWith(root + "/")
        ? absolutePath.substring(root.length() + 1)
        : absolutePath;
  }

  /**
   * The files the pattern names that {@link #accepts} would read, found without Beam (for the
   * checks a run makes before it starts and the configuration its driver reads), in path order. The
   * folder is walked once: later calls return the same listing, so that every reader of one run
   * sees the same files. A new {@code InputFiles} lists again.
   */
  public List<Locations.Entry> list() throws IOException {
    if (listed == null) {
      listed = List.copyOf(Locations.isRemote(root) ? matchRemote() : walk());
    }
    return listed;
  }

  /** The store's objects the pattern matches that {@link #accepts} would read, in path order. */
  private List<Locations.Entry> matchRemote() throws IOException {
    List<Locations.Entry> found = new ArrayList<>();
    for (MatchResult.Metadata m : Locations.matchRemote(pattern)) {
      String location = m.resourceId().toString();
      if (location.startsWith(root + "/") && accepts(location)) {
        found.add(new Locations.Entry(location, name(location), m.sizeBytes()));
      }
    }
    found.sort(Comparator.comparing(Locations.Entry::location));
    return found;
  }

  private List<Locations.Entry> walk() throws IOException {
    outsideLinks.clear();
    PathMatcher matcher = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    List<Locations.Entry> found = new ArrayList<>();
    Files.walkFileTree(
        Paths.get(root),
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
            String path = dir.toAbsolutePath().normalize().toString();
            if (!path.equals(root) && !insideInput(path)) {
              outsideLinks.add(name(path));
              return FileVisitResult.SKIP_SUBTREE;
            }
            boolean skip =
                !path.equals(root)
                    && (dir.getFileName().toString().startsWith(".")
                        || excluded.stream().anyMatch(e -> (path + "/").startsWith(e)));
            return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
            Path p = file.toAbsolutePath().normalize();
            if (a.isRegularFile() && matcher.matches(p) && accepts(p.toString())) {
              if (insideInput(p.toString())) {
                found.add(new Locations.Entry(p.toString(), name(p.toString()), a.size()));
              } else {
                outsideLinks.add(name(p.toString()));
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // an unreadable folder holds nothing to read
          }
        });
    found.sort(Comparator.comparing(e -> Paths.get(e.location())));
    return found;
  }

  /** Whether a matched file is one to read as a table file (not exports/, hidden or excluded). */
  public boolean accepts(String absolutePath) {
    for (String e : excluded) {
      if (absolutePath.startsWith(e)) {
        return false;
      }
    }
    String name = name(absolutePath);
    for (String segment : name.split("/", -1)) {
      if (segment.startsWith(".")) {
        return false;
      }
    }
    return !(recursiveFolder && name.startsWith("exports/"));
  }
}
