package org.megaphone.write;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Rows in report order without holding them all: up to {@code maxInMemory} rows are sorted in
 * memory; beyond that, each sorted run is spilled to a temporary file and the runs are merged as
 * the file is written (an external merge sort). The order ({@link CsvFiles#ORDER}) is total, so the
 * result does not depend on how rows were split into runs.
 */
final class SortedRuns implements AutoCloseable {
  private final int maxInMemory;
  private final List<ReportRow> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private long rows;

  SortedRuns(int maxInMemory) {
    this.maxInMemory = maxInMemory;
  }

  void add(ReportRow row) throws IOException {
    buffer.add(row);
    rows++;
    if (buffer.size() >= maxInMemory) {
      spill();
    }
  }

  long rows() {
    return rows;
  }

  /** Hands every row to {@code out} in order. */
  void forEachSorted(Consumer<ReportRow> out) throws IOException {
    buffer.sort(CsvFiles.ORDER);
    if (runs.isEmpty()) {
      buffer.forEach(out);
      return;
    }
    List<Run> open = new ArrayList<>();
    try {
      PriorityQueue<Run> heads =
          new PriorityQueue<>((a, b) -> CsvFiles.ORDER.compare(a.head, b.head));
      for (Path p : runs) {
        Run r = new Run(new BufferedInputStream(Files.newInputStream(p), 1 << 16));
        open.add(r);
        if (r.next()) {
          heads.add(r);
        }
      }
      Run memory = new Run(buffer);
      if (memory.next()) {
        heads.add(memory);
      }
      while (!heads.isEmpty()) {
        Run r = heads.poll();
        out.accept(r.head);
        if (r.next()) {
          heads.add(r);
        }
      }
    } finally {
      for (Run r : open) {
        r.in.close();
      }
    }
  }

  private void spill() throws IOException {
    buffer.sort(CsvFiles.ORDER);
    Path run = Files.createTempFile("megaphone-sort-", ".run");
    runs.add(run);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(run), 1 << 16)) {
      for (ReportRow r : buffer) {
        ReportRow.WireCoder.INSTANCE.encode(r, out);
      }
    }
    buffer.clear();
  }

  @Override
  public void close() throws IOException {
    for (Path p : runs) {
      Files.deleteIfExists(p);
    }
  }

  /** A sorted run being merged: from a spill file, or the rows still in memory. */
  private static final class Run {
    final InputStream in;
    final Iterator<ReportRow> rest;
    ReportRow head;

    Run(InputStream in) {
      this.in = in;
      this.rest = null;
    }

    Run(List<ReportRow> rows) {
      this.in = InputStream.nullInputStream();
      this.rest = rows.iterator();
    }

    boolean next() throws IOException {
      if (rest != null) {
        head = rest.hasNext() ? rest.next() : null;
        return head != null;
      }
      in.mark(1);
      if (in.read() < 0) {
        head = null;
        return false;
      }
      in.reset();
      try {
        head = ReportRow.WireCoder.INSTANCE.decode(in);
      } catch (EOFException e) {
        throw new IOException("a sort run ended inside a row", e);
      }
      return true;
    }
  }
}
