package org.megaphone.pipelines.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.megaphone.read.Locations;

/**
 * A report folder in an object store ({@code --output=s3://bucket/prefix}), replaced as a whole
 * without a rename (contract copy D43). A store has no rename and no lock, so a run publishes the
 * other way round from a local folder ({@link OutputFolder}):
 *
 * <ul>
 *   <li>the pipeline's workers write into {@code <output>/.megaphone-work/<run>/}; the driver
 *       checks and finishes the files on its own disk, as for a local folder;
 *   <li>it uploads the finished files to {@code <output>/runs/<run>/}, summary.json last;
 *   <li>then it writes the pointer {@code <output>/CURRENT}, one small object naming that folder
 *       ({@code runs/<run>/}). Writing an object is atomic: a reader that follows the pointer sees
 *       the previous run whole or the new one whole;
 *   <li>last, it deletes what runs that started before the previous one left (run folders and work
 *       files), never the folder the pointer names.
 * </ul>
 *
 * A run that fails or is killed before the pointer is written leaves the pointer, and so the
 * published reports, as they were; what it uploaded is deleted by itself or by the next run.
 */
public final class StoreFolder {
  /** The pointer to the published run's folder. */
  public static final String POINTER = "CURRENT";

  public static final String RUNS = "runs";
  static final String WORK = ".megaphone-work";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String output;
  private final String run;
  private boolean published;

  private StoreFolder(String output, String run) {
    this.output = Locations.folder(output);
    this.run = run;
  }

  /** A new run into the folder, named by the time it starts (so that runs sort by time). */
  static StoreFolder newRun(String output) {
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    return new StoreFolder(
        output, STAMP.format(Instant.now()) + "-" + HexFormat.of().formatHex(random));
  }

  /** Where the pipeline writes its files. */
  String work() {
    return Locations.resolve(Locations.resolve(output, WORK), run);
  }

  /** Where this run's reports are published. */
  String runFolder() {
    return Locations.resolve(Locations.resolve(output, RUNS), run);
  }

  /** The pipeline's files, copied to the driver's disk to be checked and finished there. */
  void download(Path staging) throws IOException {
    Locations.download(work(), staging);
  }

  /**
   * The published run's folder the pointer names, or null when nothing was published there.
   *
   * @throws IOException when the store cannot be read
   */
  public static String current(String output) throws IOException {
    String pointer = Locations.resolve(output, POINTER);
    if (!Locations.exists(pointer)) {
      return null;
    }
    String target = new String(Locations.read(pointer), StandardCharsets.UTF_8).strip();
    if (!target.matches(RUNS + "/[^/]+/?")) {
      throw new IOException(pointer + " does not name a run folder: '" + target + "'");
    }
    return Locations.folder(Locations.resolve(output, target));
  }

  /**
   * Fault injection for the publish test (ObjectStoreIT): the number of files the publish uploads
   * before it fails, as a store that goes away half-way would make it.
   */
  public static final String FAIL_AFTER_UPLOADS_PROPERTY = "megaphone.faults.storeFailAfterUploads";

  /**
   * Uploads the finished files (summary.json last), then points the folder at them, then deletes
   * what is stale (best effort: the reports are published by then).
   *
   * @param files the names of the files to publish, in {@code staging}
   */
  void publish(Path staging, List<String> files) throws IOException {
    String previous = current(output);
    List<String> ordered = new ArrayList<>(files);
    ordered.remove(ReportRun.SUMMARY);
    ordered.add(ReportRun.SUMMARY);
    long failAfter = Long.getLong(FAIL_AFTER_UPLOADS_PROPERTY, Long.MAX_VALUE);
    long uploaded = 0;
    for (String name : ordered) {
      if (uploaded++ >= failAfter) {
        throw new IOException("injected fault: the store went away after " + failAfter + " files");
      }
      Locations.upload(staging.resolve(name), Locations.resolve(runFolder(), name));
    }
    // Never point at a folder that is not whole (another run's clean-up could have reached it).
    List<String> there = new ArrayList<>();
    for (Locations.Entry e : Locations.listRemote(runFolder())) {
      there.add(e.name());
    }
    if (!there.containsAll(ordered)) {
      List<String> missing = new ArrayList<>(ordered);
      missing.removeAll(there);
      throw new IOException(
          runFolder() + " lost " + missing + " while it was uploaded: not published");
    }
    Locations.write(
        Locations.resolve(output, POINTER),
        (RUNS + "/" + run + "/\n").getBytes(StandardCharsets.UTF_8));
    published = true;
    try {
      deleteStale(previous);
    } catch (IOException | RuntimeException e) {
      // Published: what is left is deleted by the next run.
    }
  }

  /**
   * Deletes the run folders and work files that runs which started before the previous published
   * one left: never the folder the pointer names now (read again, in case another run published
   * meanwhile), the previous one, or anything of a run that started after it (it may still run).
   */
  private void deleteStale(String previous) throws IOException {
    if (previous == null) {
      return; // nothing was published before: no run is known to be over
    }
    String before = Locations.fileName(previous);
    String now = current(output);
    List<String> stale = new ArrayList<>();
    for (String folder : List.of(RUNS, WORK)) {
      for (Locations.Entry e : Locations.listRemote(Locations.resolve(output, folder))) {
        String name = e.name().split("/")[0];
        String runFolder = Locations.resolve(Locations.resolve(output, RUNS), name);
        if (name.compareTo(before) < 0 && !runFolder.equals(now)) {
          stale.add(e.location());
        }
      }
    }
    Locations.deleteRemote(stale);
  }

  /**
   * Deletes this run's work files and, when it did not publish, what it uploaded. Best effort: a
   * store that cannot be reached leaves them to the next run. A pointer write that failed may still
   * have landed: the run folder stays if the pointer names it, or cannot be read.
   */
  void cleanUp() {
    try {
      Locations.deleteRemoteFolder(work());
      if (!published && !runFolder().equals(current(output))) {
        Locations.deleteRemoteFolder(runFolder());
      }
    } catch (IOException | RuntimeException e) {
      // The next run that publishes deletes them.
    }
  }
}
