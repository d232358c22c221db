package org.megaphone.pipelines.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.pipelines.run.RunFailedException;
import org.megaphone.read.RealPaths;

/**
 * A report folder that is replaced as a whole (contract copy D27). Next to {@code --output} a
 * hidden work folder {@code .megaphone-<name>/} holds the run's lock and, while it runs, its
 * staging folder. Publishing is a swap of two renames: the old folder is moved into the work
 * folder, the staging folder renamed into place, then the old one deleted. After a kill at any
 * instant {@code --output} holds the previous run or the new one, or — between the two renames —
 * nothing, and the next run puts the previous one back before it starts. The lock is an
 * operating-system file lock, released when its holder dies, so a second run at the same time is
 * refused and a killed run never blocks the next.
 */
public final class OutputFolder implements AutoCloseable {
  private static final String STAGING = "staging-";
  private static final String PREVIOUS = "previous-";

  /**
   * Fault injection for the publish test (PublishKillIT): milliseconds to pause before each step of
   * the swap, so that a kill can land between any two.
   */
  static final String PAUSE_PROPERTY = "megaphone.faults.publishPauseMillis";

  private final Path output;
  private final Path work;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private OutputFolder(Path output, Path work, FileChannel lockChannel, FileLock lock) {
    this.output = output;
    this.work = work;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Locks the folder for this run, puts back a folder an interrupted swap took away, removes what
   * dead runs left, and checks that the folder holds nothing but reports of an earlier run.
   *
   * @param own the names a run writes into the folder (reports in any format, page, summary); null
   *     for a folder that is only locked (the weekly job's, which replaces its week folders itself)
   * @throws RunFailedException when another run holds the lock or the folder cannot be used
   * @throws UsageException when the folder holds other files, which a swap would delete
   */
  public static OutputFolder lock(Path requested, Set<String> own) {
    Path output = RealPaths.of(requested);
    Path parent = output.getParent();
    if (parent == null) {
      throw new UsageException("--output=" + requested + ": a report folder cannot be the root");
    }
    Path work = parent.resolve(".megaphone-" + output.getFileName());
    FileChannel channel = null;
    try {
      Files.createDirectories(work);
      Path lockFile = work.resolve("lock");
      channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another run in this JVM
      }
      if (lock == null) {
        String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
        channel.close();
        throw new RunFailedException(
            "another megaphone run"
                + (holder.isEmpty() ? "" : " (" + holder + ")")
                + " is writing "
                + output
                + ": wait for it to end, or choose another --output");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              ("pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + "\n")
                  .getBytes(StandardCharsets.UTF_8)),
          0);
      OutputFolder folder = new OutputFolder(output, work, channel, lock);
      channel = null;
      if (own != null) {
        folder.recover();
        folder.checkHoldsOnly(own);
      }
      return folder;
    } catch (IOException e) {
      throw new RunFailedException("cannot use output folder " + output + ": " + e.getMessage(), e);
    } finally {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // the run fails with the first error
        }
      }
    }
  }

  /** The folder the reports are published to (links resolved). */
  Path path() {
    return output;
  }

  /** A new, empty staging folder for this run, on the same file system as the output. */
  Path newStaging() throws IOException {
    return Files.createTempDirectory(work, STAGING);
  }

  /** A kill between the swap's renames left the previous folder in the work folder: put it back. */
  private void recover() throws IOException {
    for (Path p : list(work)) {
      String name = p.getFileName().toString();
      if (name.startsWith(PREVIOUS) && !Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(p, output, StandardCopyOption.ATOMIC_MOVE);
      } else if (name.startsWith(PREVIOUS) || name.startsWith(STAGING)) {
        ReportRun.deleteRecursively(p);
      }
    }
    // Before the swap, staging folders lived inside the output; a killed run left them there.
    if (Files.isDirectory(output)) {
      for (Path p : list(output)) {
        if (p.getFileName().toString().startsWith(".megaphone-staging-")) {
          ReportRun.deleteRecursively(p);
        }
      }
    }
  }

  private void checkHoldsOnly(Set<String> own) throws IOException {
    if (!Files.exists(output)) {
      return;
    }
    if (!Files.isDirectory(output)) {
      throw new UsageException("--output=" + output + " is a file, not a folder");
    }
    List<String> others = new ArrayList<>();
    for (Path p : list(output)) {
      String name = p.getFileName().toString();
      if (!own.contains(name)) {
        others.add(name);
      }
    }
    if (!others.isEmpty()) {
      others.sort(null);
      throw new UsageException(
          "--output="
              + output
              + " holds files that are not Megaphone reports ("
              + String.join(", ", others.subList(0, Math.min(5, others.size())))
              + (others.size() > 5 ? ", …" : "")
              + "): a run replaces the whole folder, so give a new or empty folder,"
              + " or one that holds only an earlier run's reports");
    }
  }

  /**
   * Puts the staged reports in place of the folder's content as a whole: two renames, then the
   * previous folder is deleted. If the second rename fails, the previous folder is put back.
   */
  void publish(Path staging) throws IOException {
    pause();
    Path previous = work.resolve(PREVIOUS + staging.getFileName());
    boolean hadPrevious = Files.exists(output, LinkOption.NOFOLLOW_LINKS);
    if (hadPrevious) {
      Files.move(output, previous, StandardCopyOption.ATOMIC_MOVE);
    }
    pause();
    try {
      Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (hadPrevious) {
        Files.move(previous, output, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    pause();
    if (hadPrevious) {
      ReportRun.deleteRecursively(previous);
    }
  }

  private static void pause() {
    long millis = Long.getLong(PAUSE_PROPERTY, 0L);
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList();
    }
  }

  /** Releases the lock; the lock file stays (removing it could let two runs lock two files). */
  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    }
  }
}
