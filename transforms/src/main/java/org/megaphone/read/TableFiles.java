package org.megaphone.read;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.megaphone.model.Reject;
import org.megaphone.model.SourceRef;

/**
 * Reads one file of a table, without Beam: decompression, UTF-8 decoding with or without BOM,
 * delimiter detection, header matching (case-insensitive, trimmed, any order, unknown columns
 * ignored) and the table's row rule. Good rows and rejects go to the two consumers.
 */
public final class TableFiles {

  /** What reading one file counted. */
  public record Counts(long rows, long rejected) {}

  private TableFiles() {}

  /** A file's text and the charset it was decoded with. */
  public record Decoded(String text, String charset) {}

  /** The text of a canonical table file (see {@link #decodeText}). */
  public static String decode(String fileName, byte[] bytes) {
    return decodeText(fileName, bytes).text();
  }

  /**
   * The text of a canonical table file: gunzipped when the name ends in .gz, UTF-8 with or without
   * BOM (contract section 2). For files small enough to hold (the lexicon, claims); tables are read
   * as a stream ({@link #parse(Table, String, Reader, Consumer, Consumer)}).
   *
   * @throws InputException when the bytes are not gzip (for .gz) or not UTF-8
   */
  public static Decoded decodeText(String fileName, byte[] bytes) {
    try (TextInput in = TextInput.open(fileName, new ByteArrayInputStream(bytes))) {
      StringBuilder text = new StringBuilder();
      char[] chunk = new char[8192];
      for (int n; (n = in.reader().read(chunk)) >= 0; ) {
        text.append(chunk, 0, n);
      }
      return new Decoded(text.toString(), "UTF-8");
    } catch (IOException e) {
      throw new InputException(fileName + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The text of a native export, which may be any of what analysts download or re-save: UTF-16 when
   * it starts with a UTF-16 byte-order mark (Excel's "Unicode text"); else UTF-8 (BOM dropped) when
   * the bytes are valid UTF-8; else Windows-1252, the encoding of Excel's plain "CSV" on Western
   * systems (the run warns about it).
   */
  public static Decoded decodeExport(String fileName, byte[] bytes) {
    return decodeExportText(gunzipIfNamed(fileName, bytes));
  }

  /** As {@link #decodeExport}, of bytes already gunzipped. */
  public static Decoded decodeExportText(byte[] plain) {
    if (plain.length >= 2 && (plain[0] & 0xFF) == 0xFF && (plain[1] & 0xFF) == 0xFE) {
      return new Decoded(
          new String(plain, 2, plain.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
    }
    if (plain.length >= 2 && (plain[0] & 0xFF) == 0xFE && (plain[1] & 0xFF) == 0xFF) {
      return new Decoded(
          new String(plain, 2, plain.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
    }
    String text = utf8(plain);
    if (text != null) {
      return new Decoded(stripBom(text), "UTF-8");
    }
    return new Decoded(new String(plain, Charset.forName("windows-1252")), "windows-1252");
  }

  /** The SHA-256 of a file's bytes, in hex, for summary.json. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The bytes of a stream, at most {@code max} of them.
   *
   * @throws InputException naming the file when there are more
   */
  public static byte[] readAtMost(
      ReadableByteChannel channel, int max, String fileName, String what) throws IOException {
    return readAtMost(Channels.newInputStream(channel), max, fileName, what);
  }

  public static byte[] readAtMost(InputStream in, int max, String fileName, String what)
      throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes(max);
      if (in.read() >= 0) {
        throw new InputException(
            fileName
                + ": larger than "
                + (max >> 20)
                + " MiB"
                + what
                + ", more than an export"
                + " is read whole: split it, or convert it to the posts and views tables");
      }
      return bytes;
    }
  }

  /** The SHA-256 of a stream's bytes, in hex, read in chunks (a file need not fit in memory). */
  public static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] chunk = new byte[1 << 16];
      for (int n; (n = in.read(chunk)) >= 0; ) {
        digest.update(chunk, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gunzipIfNamed(String fileName, byte[] bytes) {
    if (!fileName.endsWith(".gz")) {
      return bytes;
    }
    try (InputStream in = TextInput.gunzip(fileName, new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new InputException(fileName + ": cannot be read as gzip: " + e.getMessage(), e);
    }
  }

  /** The bytes as UTF-8, or null when they are not valid UTF-8. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Parses a file's text as rows of {@code table}.
   *
   * @throws InputException when the header lacks a required column
   */
  public static <T> Counts parse(
      Table<T> table, String fileName, String text, Consumer<T> rows, Consumer<Reject> rejects) {
    try {
      return parse(table, fileName, new StringReader(text), rows, rejects);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }

  /**
   * Parses a file's text as rows of {@code table}, record by record as it is read: the text is
   * never held whole.
   *
   * @throws InputException when the header lacks a required column or names one twice
   */
  public static <T> Counts parse(
      Table<T> table, String fileName, Reader text, Consumer<T> rows, Consumer<Reject> rejects)
      throws IOException {
    PartCounts counts =
        parseFirstPart(table, fileName, text, (row, source) -> rows.accept(row), rejects);
    return new Counts(counts.rows(), counts.rejected());
  }

  /**
   * What reading one part of a file ({@link FileSplits}) counted: its rows and rejects, and the
   * figures D6's rule is checked with across parts ({@link FilePart#notATable}): its malformed
   * records, and {@code peak}, the greatest {@code 10 × malformed − 9 × records} over the part's
   * malformed records, counted from the part's start ({@link Long#MIN_VALUE} when it has none).
   */
  public record PartCounts(long rows, long rejected, long malformed, long peak) {}

  /** A table file's delimiter and header record, as read from its start. */
  public record Head(char delimiter, CsvRecords.CsvRecord header) {}

  /** The delimiter and header of a table file's text (null header for an empty text). */
  public static Head head(Reader text) throws IOException {
    BufferedReader in = new BufferedReader(text, HEADER_PEEK);
    char delimiter = detectDelimiter(in);
    return new Head(delimiter, CsvRecords.first(in, delimiter));
  }

  /**
   * Parses the first part of a file (or all of it): its header, then its records, each row with
   * where it came from, with D6's "not a table" rule checked as they are read.
   *
   * @throws InputException when the header lacks a required column or names one twice
   */
  public static <T> PartCounts parseFirstPart(
      Table<T> table,
      String fileName,
      Reader text,
      BiConsumer<T, SourceRef> rows,
      Consumer<Reject> rejects)
      throws IOException {
    BufferedReader in = new BufferedReader(text, HEADER_PEEK);
    char delimiter = detectDelimiter(in);
    RecordParser<T> parser = new RecordParser<>(table, fileName, rows, rejects, true);
    CsvRecords.forEach(in, delimiter, parser);
    if (parser.columns == null) {
      throw new InputException(fileName + ": empty file, no header line (" + table.name() + ")");
    }
    return parser.counts();
  }

  /**
   * Parses a later part of a file, which starts at a record start on line {@code firstLine} ({@link
   * FileSplits}), with the file's {@code head}. D6's rule is not checked here: it counts from the
   * file's first record, so it is checked from every part's counts.
   */
  public static <T> PartCounts parseLaterPart(
      Table<T> table,
      String fileName,
      Reader text,
      Head head,
      long firstLine,
      BiConsumer<T, SourceRef> rows,
      Consumer<Reject> rejects)
      throws IOException {
    RecordParser<T> parser = new RecordParser<>(table, fileName, rows, rejects, false);
    parser.header(head.header());
    CsvRecords.forEachInPart(
        new BufferedReader(text, HEADER_PEEK), head.delimiter(), firstLine, parser.width, parser);
    return parser.counts();
  }

  /** Detects the delimiter from the text's start, leaving the reader where it was. */
  private static char detectDelimiter(BufferedReader in) throws IOException {
    in.mark(HEADER_PEEK);
    char[] peek = new char[HEADER_PEEK];
    int n = 0;
    for (int r; n < peek.length && (r = in.read(peek, n, peek.length - n)) >= 0; ) {
      n += r;
    }
    in.reset();
    return CsvRecords.detectDelimiter(new String(peek, 0, n));
  }

  /**
   * A file of at least this many records of which 90% or more are malformed CSV is not a table
   * (D6): the run stops instead of carrying millions of rejects (a 10 KB gzip of 5 million short
   * lines did).
   */
  static final long NOT_A_TABLE_AFTER = 100_000;

  /** How much of a file's start the delimiter is detected from (its header line). */
  private static final int HEADER_PEEK = 1 << 16;

  /**
   * The header first (its columns checked), then each record as a row or a reject, one at a time.
   */
  private static final class RecordParser<T> implements Consumer<CsvRecords.CsvRecord> {
    private final Table<T> table;
    private final String fileName;
    private final BiConsumer<T, SourceRef> rows;
    private final Consumer<Reject> rejects;
    private Map<String, Integer> columns;
    private int width;
    private long records;
    private long rejected;
    private long malformed;
    private long firstMalformedLine;
    private long peak = Long.MIN_VALUE;

    /** Whether D6's rule is checked here: the records counted are the file's first ones. */
    private final boolean checksNotATable;

    RecordParser(
        Table<T> table,
        String fileName,
        BiConsumer<T, SourceRef> rows,
        Consumer<Reject> rejects,
        boolean checksNotATable) {
      this.table = table;
      this.fileName = fileName;
      this.rows = rows;
      this.rejects = rejects;
      this.checksNotATable = checksNotATable;
    }

    PartCounts counts() {
      return new PartCounts(records, rejected, malformed, peak);
    }

    @Override
    public void accept(CsvRecords.CsvRecord record) {
      if (columns == null) {
        header(record);
        return;
      }
      records++;
      SourceRef source = SourceRef.create(fileName, record.line, record.raw);
      String reason = record.error;
      if (reason == null && record.fields.size() != width) {
        reason =
            "malformed CSV record: "
                + record.fields.size()
                + " fields where the header has "
                + width;
      }
      if (reason != null) {
        malformed++;
        peak = Math.max(peak, malformed * 10 - records * 9);
        if (checksNotATable && records >= NOT_A_TABLE_AFTER && malformed * 10 >= records * 9) {
          throw new InputException(
              fileName
                  + ": "
                  + malformed
                  + " of its first "
                  + records
                  + " records are malformed CSV"
                  + " (first on line "
                  + firstMalformedLine
                  + "): this is not a "
                  + table.name()
                  + " table (another delimiter, or not CSV at all?)");
        }
        if (firstMalformedLine == 0) {
          firstMalformedLine = record.line;
        }
      }
      if (reason == null) {
        try {
          rows.accept(table.parse(new Row(columns, record.fields), source), source);
          return;
        } catch (RowRejected e) {
          reason = e.getMessage();
        }
      }
      rejected++;
      rejects.accept(source.reject(table.name(), reason));
    }

    void header(CsvRecords.CsvRecord header) {
      if (header == null) {
        throw new InputException(fileName + ": empty file, no header line (" + table.name() + ")");
      }
      if (header.error != null) {
        throw new InputException(fileName + ": header line cannot be read: " + header.error);
      }
      Map<String, Integer> byName = new HashMap<>();
      for (int i = 0; i < header.fields.size(); i++) {
        String name = header.fields.get(i).trim().toLowerCase(Locale.ROOT);
        Integer earlier = byName.putIfAbsent(name, i);
        if (earlier != null && !name.isEmpty()) {
          throw new InputException(
              fileName
                  + ": the header names column "
                  + name
                  + " twice (columns "
                  + (earlier + 1)
                  + " and "
                  + (i + 1)
                  + " of "
                  + String.join(",", header.fields)
                  + "): rename or remove one (table "
                  + table.name()
                  + ")");
        }
      }
      List<String> missing = new ArrayList<>();
      for (String required : table.requiredColumns()) {
        if (!byName.containsKey(required)) {
          missing.add(required);
        }
      }
      if (!missing.isEmpty()) {
        throw new InputException(
            fileName
                + ": missing required column"
                + (missing.size() > 1 ? "s " : " ")
                + String.join(", ", missing)
                + " of table "
                + table.name()
                + " (header: "
                + String.join(",", header.fields)
                + ")");
      }
      columns = byName;
      width = header.fields.size();
    }
  }
}
