package org.megaphone.read;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a large uncompressed table file can be cut into parts that are read on different workers
 * and still give exactly the records, line numbers and rejects of reading it whole.
 *
 * <p>A part starts at a line start where {@link CsvRecords}' tokenizer is certain to start a
 * record. The file's start is one. From a certain start, a line is <em>self-contained</em> when no
 * quoted field on it runs into the next line (a quote opens a field only at its start, as the
 * tokenizer reads it) and it is at most {@link CsvRecords#MAX_RECORD_CHARS} bytes long: the
 * tokenizer reads it as one record (or skips it, when blank), so the next line start is certain
 * too. After a line that is not, certainty returns only after {@link #QUOTE_FREE_LINES} lines
 * without any quote character: a record spans at most {@link CsvRecords#MAX_RECORD_LINES} lines, a
 * damaged one is cut after its first line, so no record read from before those lines runs past
 * them, and none of them can open a quoted field.
 *
 * <p>The first part holds more than {@link TableFiles#NOT_A_TABLE_AFTER} records for certain
 * (counted on self-contained lines), so that D6's "90% malformed" rule, which counts from the
 * file's first record, can be checked exactly from the parts' counts ({@link FilePart}). The scan
 * reads bytes only (the quote, the delimiter and line ends are ASCII, never part of a UTF-8
 * sequence) and hashes the file on the way: summary.json's checksum and size come from it.
 */
public final class FileSplits {
  /** Quote-free lines after which a line start is a record start for certain. */
  static final int QUOTE_FREE_LINES = CsvRecords.MAX_RECORD_LINES + 1;

  /** One part: bytes [start, end) of the file, whose first line is {@code firstLine}. */
  public record Split(long start, long end, long firstLine) {}

  /** The parts of a file, with its size and SHA-256 (in hex). */
  public record Plan(List<Split> splits, long bytes, String sha256) {}

  private FileSplits() {}

  /**
   * Plans the parts of a file of about {@code partBytes} each (the last may be smaller), the first
   * holding at least {@code firstPartRecords} records.
   *
   * <p>A UTF-8 byte-order mark at the start is passed over, as the reader drops it.
   */
  public static Plan plan(InputStream in, char delimiter, long partBytes, long firstPartRecords)
      throws IOException {
    Scanner scan = new Scanner((byte) delimiter, partBytes, firstPartRecords);
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] chunk = new byte[1 << 16];
    long pos = 0;
    boolean bom = false;
    for (int n; (n = in.read(chunk)) >= 0; ) {
      if (pos == 0) {
        int more;
        while (n < 3 && (more = in.read(chunk, n, chunk.length - n)) >= 0) {
          n += more; // the first three bytes decide whether there is a BOM
        }
        bom =
            n >= 3
                && (chunk[0] & 0xFF) == 0xEF
                && (chunk[1] & 0xFF) == 0xBB
                && (chunk[2] & 0xFF) == 0xBF;
      }
      digest.update(chunk, 0, n);
      for (int i = 0; i < n; i++) {
        if (bom && pos + i < 3) {
          scan.lineBytes++; // the reader drops the BOM: the header starts after it
          continue;
        }
        scan.accept(chunk[i], pos + i);
      }
      pos += n;
    }
    List<Split> splits = new ArrayList<>();
    List<long[]> starts = scan.starts;
    for (int i = 0; i < starts.size(); i++) {
      long end = i + 1 < starts.size() ? starts.get(i + 1)[0] : pos;
      if (end > starts.get(i)[0] || i == 0) {
        splits.add(new Split(starts.get(i)[0], end, starts.get(i)[1]));
      }
    }
    return new Plan(splits, pos, HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * The byte scan's state: where a line starts, and whether the tokenizer starts a record there.
   */
  private static final class Scanner {
    private static final int FIELD = 0;
    private static final int QUOTED = 1;
    private static final int QUOTE_IN_QUOTED = 2;
    private static final int TO_LINE_END = 3;

    private final byte delimiter;
    private final long partBytes;
    private final long firstPartRecords;

    /** Each part's start offset and first line; the file's start is the first. */
    final List<long[]> starts = new ArrayList<>();

    private long line = 1;
    private boolean certain = true;
    private long quoteFreeLines;
    private long certainRecords;
    private long nextCut;

    // The current line.
    private int state = FIELD;
    private boolean fieldStart = true;
    long lineBytes;
    private boolean quote;
    private boolean nonBlank;
    private boolean selfContained = true;
    private boolean afterCr;

    Scanner(byte delimiter, long partBytes, long firstPartRecords) {
      this.delimiter = delimiter;
      this.partBytes = partBytes;
      this.firstPartRecords = firstPartRecords;
      starts.add(new long[] {0, 1});
      nextCut = partBytes;
    }

    void accept(byte b, long pos) {
      if (afterCr) {
        // A CR ends its line; whether the next starts after it or after a CRLF's LF shows now.
        afterCr = false;
        endLine(b == '\n' ? pos + 1 : pos);
        if (b == '\n') {
          return;
        }
      }
      if (b == '\n' || b == '\r') {
        if (state == QUOTED) {
          selfContained = false; // a quoted field runs into the next line
        }
        if (b == '\r') {
          afterCr = true;
        } else {
          endLine(pos + 1);
        }
        return;
      }
      lineBytes++;
      if (b == '"') {
        quote = true;
      }
      if (b != ' ' && b != '\t') {
        nonBlank = true;
      }
      switch (state) {
        case FIELD -> {
          if (fieldStart && b == '"') {
            state = QUOTED;
          } else if (b == delimiter) {
            fieldStart = true;
            return;
          }
          fieldStart = false;
        }
        case QUOTED -> {
          if (b == '"') {
            state = QUOTE_IN_QUOTED;
          }
        }
        case QUOTE_IN_QUOTED -> {
          if (b == '"') {
            state = QUOTED; // a doubled quote
          } else if (b == delimiter) {
            state = FIELD;
            fieldStart = true;
          } else {
            state = TO_LINE_END; // a malformed record: the tokenizer skips to the line's end
          }
        }
        default -> {}
      }
    }

    /** A line ended; {@code next} is where the next one starts. */
    private void endLine(long next) {
      quoteFreeLines = quote ? 0 : quoteFreeLines + 1;
      if (certain && selfContained && lineBytes <= CsvRecords.MAX_RECORD_CHARS) {
        if (nonBlank) {
          certainRecords++;
        }
      } else {
        certain = false;
      }
      if (!certain && quoteFreeLines >= QUOTE_FREE_LINES) {
        certain = true;
      }
      line++;
      if (certain && next >= nextCut && certainRecords > firstPartRecords) {
        starts.add(new long[] {next, line});
        nextCut = next + partBytes;
      }
      state = FIELD;
      fieldStart = true;
      lineBytes = 0;
      quote = false;
      nonBlank = false;
      selfContained = true;
    }
  }
}
