package org.megaphone.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.megaphone.model.Wire;

/**
 * One part of a table file to read ({@link FileSplits}), and, once read, what it counted. A file
 * that is not cut is one part, read whole ({@code end} is -1; its size and checksum are those its
 * reader counted). The parts of a file are merged into its {@link InputFile} by {@link #merge}.
 *
 * @param resource the file as Beam names it, to open it
 * @param name the file relative to the --input folder, as messages and summary.json name it
 * @param end -1 for the end of the file
 * @param bytes the file's size, -1 until known
 * @param sha256 the file's SHA-256 in hex, empty until known
 * @param malformed the part's malformed CSV records (D6)
 * @param peak see {@link TableFiles.PartCounts#peak}
 */
public record FilePart(
    String table,
    String resource,
    String name,
    int index,
    int count,
    long start,
    long end,
    long firstLine,
    long bytes,
    String sha256,
    long rows,
    long rejected,
    long malformed,
    long peak) {

  /** The part as read: its counts added. */
  FilePart read(long bytes, String sha256, TableFiles.PartCounts counts) {
    return new FilePart(
        table,
        resource,
        name,
        index,
        count,
        start,
        end,
        firstLine,
        bytes,
        sha256,
        counts.rows(),
        counts.rejected(),
        counts.malformed(),
        counts.peak());
  }

  /**
   * Whether D6's rule — a file of at least {@link TableFiles#NOT_A_TABLE_AFTER} records of which
   * 90% are malformed is not a table — holds at some record of the parts after the first, where
   * reading the file whole would have stopped (the first part checks it itself as it reads). At the
   * j-th record of part s, {@code 10 × malformed − 9 × records} counted from the file's start is
   * that of the parts before it plus that of part s up to j, so the part's greatest value ({@code
   * peak}) decides. The first part holds more than that many records ({@link FileSplits}), so the
   * rule applies to every record of the later parts.
   *
   * @param parts every part of one file, in order
   */
  static boolean notATable(List<FilePart> parts) {
    long before = 0;
    for (FilePart part : parts) {
      if (part.index > 0 && part.peak != Long.MIN_VALUE && before + part.peak >= 0) {
        return true;
      }
      before += part.malformed * 10 - part.rows * 9;
    }
    return false;
  }

  /** The file's entry in summary.json, from all its parts in order. */
  static InputFile merge(List<FilePart> parts) {
    FilePart first = parts.get(0);
    long rows = 0;
    long rejected = 0;
    for (FilePart part : parts) {
      rows += part.rows;
      rejected += part.rejected;
    }
    return InputFile.create(
        first.table, first.name, first.bytes, first.sha256, rows, rejected, "UTF-8", "canonical");
  }

  /** The coder of a {@link FilePart}: its fields in declaration order ({@link Wire}). */
  public static final class WireCoder extends Wire.Coder<FilePart> {
    public static final WireCoder INSTANCE = new WireCoder();

    @Override
    public void encode(FilePart v, OutputStream out) throws IOException {
      Wire.writeString(v.table, out);
      Wire.writeString(v.resource, out);
      Wire.writeString(v.name, out);
      Wire.writeInt(v.index, out);
      Wire.writeInt(v.count, out);
      Wire.writeLong(v.start, out);
      Wire.writeLong(v.end, out);
      Wire.writeLong(v.firstLine, out);
      Wire.writeLong(v.bytes, out);
      Wire.writeString(v.sha256, out);
      Wire.writeLong(v.rows, out);
      Wire.writeLong(v.rejected, out);
      Wire.writeLong(v.malformed, out);
      Wire.writeLong(v.peak, out);
    }

    @Override
    public FilePart decode(InputStream in) throws IOException {
      return new FilePart(
          Wire.readString(in),
          Wire.readString(in),
          Wire.readString(in),
          Wire.readInt(in),
          Wire.readInt(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readString(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in),
          Wire.readLong(in));
    }
  }
}
