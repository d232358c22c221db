package org.megaphone.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Paths with their links resolved, for the checks that compare folders (an output inside or around
 * the input, a link that leaves the input): a path that does not exist yet resolves through its
 * nearest existing parent.
 */
public final class RealPaths {
  private RealPaths() {}

  public static Path of(Path path) {
    Path p = path.toAbsolutePath().normalize();
    Deque<Path> missing = new ArrayDeque<>();
    while (p != null && !Files.exists(p)) {
      missing.push(p.getFileName());
      p = p.getParent();
    }
    try {
      Path real = p == null ? path.toAbsolutePath().normalize() : p.toRealPath();
      while (!missing.isEmpty()) {
        real = real.resolve(missing.pop());
      }
      return real;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path of(String path) {
    return of(Path.of(path));
  }
}
