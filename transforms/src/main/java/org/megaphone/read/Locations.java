package org.megaphone.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Where a run's files live: a local path, or an object in S3 or an S3-compatible store ({@code
 * s3://bucket/prefix}; the jar carries Beam's S3 file system only). Every file operation of a run
 * on a remote location — listing, reading, writing, deleting — goes through Beam's {@link
 * FileSystems}, the same abstraction the pipeline's workers read and write with; local paths keep
 * {@code java.nio}, whose links, hidden folders and renames the local runs rely on. Beam's file
 * systems must be registered with the run's options first ({@code
 * FileSystems.setDefaultPipelineOptions}).
 */
public final class Locations {
  private Locations() {}

  /**
   * Whether the location is in a store ({@code s3://…}) rather than a local path. Other schemes
   * ({@code gs://}, {@code hdfs://}) are read as local paths, which do not exist: the run says "no
   * such folder".
   */
  public static boolean isRemote(String location) {
    return location != null && location.startsWith("s3://") && location.length() > "s3://".length();
  }

  /** A folder location without its trailing slash ({@code s3://b/reports/} → {@code …/reports}). */
  public static String folder(String location) {
    String s = location;
    while (s.endsWith("/") && !s.endsWith("://")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** {@code name} inside the folder (a local folder's path resolved as {@link Path} does). */
  public static String resolve(String folder, String name) {
    return isRemote(folder)
        ? folder(folder) + "/" + name
        : Paths.get(folder).resolve(name).toString();
  }

  /** The folder a remote location is in ({@code s3://b/runs/r1/summary.json} → {@code …/r1}). */
  public static String parent(String location) {
    String s = folder(location);
    return s.substring(0, s.lastIndexOf('/'));
  }

  /** The last segment of the location's path. */
  public static String fileName(String location) {
    String s = folder(location);
    return s.substring(s.lastIndexOf('/') + 1);
  }

  private static ResourceId file(String location) {
    return FileSystems.matchNewResource(location, false);
  }

  /** The file's bytes, streamed. */
  public static InputStream open(String location) throws IOException {
    if (!isRemote(location)) {
      return Files.newInputStream(Paths.get(location));
    }
    try {
      return new StoreInput(location, Channels.newInputStream(FileSystems.open(file(location))));
    } catch (RuntimeException e) {
      throw failed(location, e);
    }
  }

  /**
   * Beam's S3 file system throws the SDK's unchecked exceptions (access denied, no such key, no
   * region) from open, create and the channels' calls: as an IOException they reach the run's
   * message and exit code like any other file that cannot be read or written.
   */
  private static IOException failed(String location, RuntimeException e) {
    return new IOException(location + ": " + e.getMessage(), e);
  }

  /** A store's stream whose unchecked failures are IOExceptions. */
  private static final class StoreInput extends FilterInputStream {
    private final String location;

    StoreInput(String location, InputStream in) {
      super(in);
      this.location = location;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (RuntimeException e) {
        throw failed(location, e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (RuntimeException e) {
        throw failed(location, e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } catch (RuntimeException e) {
        throw failed(location, e);
      }
    }
  }

  /** The whole file. */
  public static byte[] read(String location) throws IOException {
    try (InputStream in = open(location)) {
      return in.readAllBytes();
    }
  }

  /** Writes the file whole (an object appears complete, or not at all). */
  public static void write(String location, byte[] bytes) throws IOException {
    if (!isRemote(location)) {
      Path p = Paths.get(location);
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
      Files.write(p, bytes);
      return;
    }
    try (OutputStream out =
        Channels.newOutputStream(FileSystems.create(file(location), mime(location)))) {
      out.write(bytes);
    } catch (RuntimeException e) {
      throw failed(location, e);
    }
  }

  /** Copies a local file to the location. */
  public static void upload(Path local, String location) throws IOException {
    try (InputStream in = Files.newInputStream(local);
        OutputStream out =
            Channels.newOutputStream(FileSystems.create(file(location), mime(location)))) {
      in.transferTo(out);
    } catch (RuntimeException e) {
      throw failed(location, e);
    }
  }

  private static String mime(String location) {
    if (location.endsWith(".html")) {
      return "text/html";
    }
    if (location.endsWith(".json")) {
      return "application/json";
    }
    if (location.endsWith(".csv")) {
      return "text/csv";
    }
    return "text/plain";
  }

  /**
   * Whether a file (not a folder) exists at the location. In a store it is looked up by listing its
   * name as a prefix, not by asking for the object: a store answers a request for a missing object
   * "access denied" to a role that may list only below a prefix, as the runbook's policy allows.
   */
  public static boolean exists(String location) throws IOException {
    if (!isRemote(location)) {
      return Files.isRegularFile(Paths.get(location));
    }
    if (location.matches(".*[*?\\[\\]{}].*")) {
      throw new IOException(location + ": a name with a wildcard character cannot be looked up");
    }
    for (MatchResult.Metadata m : matched(location + "*")) {
      if (m.resourceId().toString().equals(location)) {
        return true;
      }
    }
    return false;
  }

  /** What a pattern in a store matches (nothing when nothing does). */
  private static List<MatchResult.Metadata> matched(String pattern) throws IOException {
    MatchResult result;
    try {
      result = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
    } catch (RuntimeException e) {
      throw failed(pattern, e);
    }
    if (result.status() == MatchResult.Status.NOT_FOUND) {
      return List.of();
    }
    // An error's metadata() throws the store's own IOException (unreachable, denied …).
    return result.metadata();
  }

  /**
   * The store's files a pattern matches, folders left out.
   *
   * @throws IOException when the store cannot be listed (unreachable, denied)
   */
  public static List<MatchResult.Metadata> matchRemote(String pattern) throws IOException {
    List<MatchResult.Metadata> files = new ArrayList<>();
    for (MatchResult.Metadata m : matched(pattern)) {
      if (!m.resourceId().isDirectory()) {
        files.add(m);
      }
    }
    return files;
  }

  /** A file that is below a folder: its location, its path relative to the folder, its size. */
  public record Entry(String location, String name, long bytes) {
    /** The file's own name, without its folders. */
    public String fileName() {
      return Locations.fileName(location);
    }
  }

  /**
   * Every file below a remote folder, at any depth, in location order.
   *
   * @throws IOException when the store cannot be listed (unreachable, denied)
   */
  public static List<Entry> listRemote(String folder) throws IOException {
    String root = folder(folder) + "/";
    List<Entry> entries = new ArrayList<>();
    for (MatchResult.Metadata m : matched(root + "**")) {
      String location = m.resourceId().toString();
      if (!m.resourceId().isDirectory() && location.startsWith(root)) {
        entries.add(new Entry(location, location.substring(root.length()), m.sizeBytes()));
      }
    }
    entries.sort(Comparator.comparing(Entry::location));
    return entries;
  }

  /** Copies every file below a remote folder into a local folder, keeping their relative paths. */
  public static void download(String folder, Path local) throws IOException {
    for (Entry e : listRemote(folder)) {
      Path target = local.resolve(e.name());
      Files.createDirectories(target.getParent());
      try (InputStream in = open(e.location())) {
        Files.copy(in, target);
      }
    }
  }

  /** Deletes the remote files, those already gone ignored. */
  public static void deleteRemote(List<String> locations) throws IOException {
    if (locations.isEmpty()) {
      return;
    }
    List<ResourceId> ids = new ArrayList<>();
    try {
      for (String l : locations) {
        ids.add(file(l));
      }
      FileSystems.delete(ids, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (RuntimeException e) {
      throw failed(locations.get(0), e);
    }
  }

  /** Deletes every file below a remote folder. */
  public static void deleteRemoteFolder(String folder) throws IOException {
    List<String> all = new ArrayList<>();
    for (Entry e : listRemote(folder)) {
      all.add(e.location());
    }
    deleteRemote(all);
  }
}
