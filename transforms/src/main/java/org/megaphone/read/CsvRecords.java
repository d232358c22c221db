package org.megaphone.read;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * An RFC 4180 tokenizer that keeps what the contract needs and general CSV libraries drop: the
 * physical line on which each record starts, the raw text of the record, and resynchronisation
 * after a malformed record (commons-csv stops at the first one), so one bad row becomes one reject
 * and the rest of the file is still read.
 *
 * <p>Rules (contract section 2 and runbooks/data-contract.md D2/D3): fields may be quoted with
 * {@code "}, a doubled quote inside quotes is a quote, quoted fields may hold delimiters and line
 * breaks; LF, CRLF and lone CR end records; blank physical lines (empty or only spaces and tabs)
 * are skipped; a quote inside an unquoted field is literal; a closing quote followed by anything
 * but the delimiter or a line end makes the record malformed (the parser skips to the end of that
 * physical line).
 *
 * <p>A quote cannot swallow the lines after it (D3): a record that runs over several physical lines
 * is kept only when it is well-formed and has the header's width (the first record's). Otherwise —
 * a quoted field never closed, closed into a malformed record or one of another width, or running
 * over {@link #MAX_RECORD_LINES} lines or {@link #MAX_RECORD_CHARS} characters — only its first
 * physical line is rejected, and reading starts again on the next line, so each damaged line is a
 * reject of its own and the valid lines after it are read. A physical line longer than {@link
 * #MAX_RECORD_CHARS} is rejected with its first {@link #RAW_KEPT_CHARS} characters only. A NUL
 * character makes a record malformed (binary data is not text). Text is read through a {@link
 * Reader} in chunks: a file is never held whole, only the record being read.
 */
public final class CsvRecords {

  /** The longest record read: longer ones are rejected by their first characters. */
  public static final int MAX_RECORD_CHARS = 1 << 20;

  /** The most physical lines one record may run over (quoted line breaks). */
  public static final int MAX_RECORD_LINES = 1_000;

  /** How much of an over-long line its reject keeps. */
  public static final int RAW_KEPT_CHARS = 1_024;

  /** One record: its fields, or why it is malformed, with its start line and raw text. */
  public static final class CsvRecord {
    public final long line;
    public final List<String> fields;
    public final String raw;

    /** Null when the record is well-formed. */
    public final String error;

    CsvRecord(long line, List<String> fields, String raw, String error) {
      this.line = line;
      this.fields = fields;
      this.raw = raw;
      this.error = error;
    }
  }

  private CsvRecords() {}

  /**
   * The delimiter of a canonical file, detected from its first non-blank line (before any quote):
   * {@code ;} when it has more of them than commas, else {@code ,} (contract section 2).
   */
  public static char detectDelimiter(String text) {
    int[] counts = countDelimiters(text);
    return counts[1] > counts[0] ? ';' : ',';
  }

  /**
   * The delimiter of a native export: as {@link #detectDelimiter}, but a tab when tabs outnumber
   * both (Excel's "Unicode text" is tab-separated).
   */
  public static char detectExportDelimiter(String text) {
    int[] counts = countDelimiters(text);
    if (counts[2] > counts[0] && counts[2] > counts[1]) {
      return '\t';
    }
    return counts[1] > counts[0] ? ';' : ',';
  }

  /** Commas, semicolons and tabs in the first non-blank line, before any quote. */
  private static int[] countDelimiters(String text) {
    int[] counts = new int[3];
    int start = 0;
    // The header is the first line that is not blank (blank lines are skipped by parse).
    while (start < text.length() && " \t\r\n".indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '"') {
        break;
      } else if (c == ',') {
        counts[0]++;
      } else if (c == ';') {
        counts[1]++;
      } else if (c == '\t') {
        counts[2]++;
      }
    }
    return counts;
  }

  /** Splits {@code text} (BOM already removed) into records. The header is the first record. */
  public static List<CsvRecord> parse(String text, char delimiter) {
    List<CsvRecord> records = new ArrayList<>();
    forEach(text, delimiter, records::add);
    return records;
  }

  /** As {@link #forEach(Reader, char, Consumer)}, over a string. */
  public static void forEach(String text, char delimiter, Consumer<CsvRecord> each) {
    try {
      forEach(new StringReader(text), delimiter, each);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }

  /**
   * Hands each record read from {@code text} to {@code each} as it is split, in order, without
   * keeping them: only the record being read is in memory.
   */
  public static void forEach(Reader text, char delimiter, Consumer<CsvRecord> each)
      throws IOException {
    new Tokenizer(text, delimiter, 1, -1).run(each);
  }

  /**
   * As {@link #forEach(Reader, char, Consumer)}, for a part of a file that starts at a record start
   * ({@link FileSplits}): its first physical line is line {@code firstLine} of the file, and the
   * header, read elsewhere, has {@code width} fields.
   */
  public static void forEachInPart(
      Reader text, char delimiter, long firstLine, int width, Consumer<CsvRecord> each)
      throws IOException {
    new Tokenizer(text, delimiter, firstLine, width).run(each);
  }

  /** The first record of {@code text} (a file's header), or null when it holds none. */
  public static CsvRecord first(Reader text, char delimiter) throws IOException {
    return new Tokenizer(text, delimiter, 1, -1).next();
  }

  /** The tokenizer's state: a window of the text from the start of the current record. */
  private static final class Tokenizer {
    private final Reader in;
    private final char delimiter;
    private char[] buf = new char[1 << 16];

    /** Where the current record starts in {@link #buf}; offsets below are relative to it. */
    private int start;

    private int limit;
    private boolean eof;
    private long line;

    /** The header's field count, once the header is read. */
    private int width;

    Tokenizer(Reader in, char delimiter, long firstLine, int width) {
      this.in = in;
      this.delimiter = delimiter;
      this.line = firstLine;
      this.width = width;
    }

    /** The character at {@code offset} from the record's start, or -1 past the end of the text. */
    private int at(int offset) throws IOException {
      while (start + offset >= limit) {
        if (!fill()) {
          return -1;
        }
      }
      return buf[start + offset];
    }

    private boolean fill() throws IOException {
      if (eof) {
        return false;
      }
      if (start > 0) {
        System.arraycopy(buf, start, buf, 0, limit - start);
        limit -= start;
        start = 0;
      }
      if (limit == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        return false;
      }
      limit += n;
      return true;
    }

    void run(Consumer<CsvRecord> each) throws IOException {
      for (CsvRecord record; (record = next()) != null; ) {
        each.accept(record);
      }
    }

    /** The next record, or null at the end of the text. */
    CsvRecord next() throws IOException {
      while (true) {
        // Skip blank physical lines (empty, or spaces and tabs only).
        int k = 0;
        int c;
        while ((c = at(k)) == ' ' || c == '\t') {
          k++;
          if (k > MAX_RECORD_CHARS) {
            start += k; // spaces and tabs are trimmed from a cell anyway: hold none of them
            k = 0;
          }
        }
        if (c == -1) {
          return null;
        }
        if (c == '\n' || c == '\r') {
          start += k + lineBreakLength(k);
          line++;
          continue;
        }
        CsvRecord record = record();
        if (width < 0 && record.error == null) {
          width = record.fields.size();
        }
        return record;
      }
    }

    /** 2 for a CRLF at the offset, else 1 (LF or lone CR). */
    private int lineBreakLength(int offset) throws IOException {
      return at(offset) == '\r' && at(offset + 1) == '\n' ? 2 : 1;
    }

    /** Reads the record at the start, and moves the start past it (or past its first line). */
    private CsvRecord record() throws IOException {
      long startLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      String error = null;
      boolean nul = false;
      int off = 0;
      // The first line break inside quotes, where a damaged record is cut; -1 while on one line.
      int firstBreak = -1;
      int firstBreakLength = 0;
      int quotedBreaks = 0;
      int c;
      while (true) {
        if (at(off) == '"') {
          off++;
          boolean closed = false;
          while ((c = at(off)) != -1) {
            if (c == '"') {
              if (at(off + 1) == '"') {
                field.append('"');
                off += 2;
              } else {
                off++;
                closed = true;
                break;
              }
            } else if (c == '\n' || c == '\r') {
              int length = lineBreakLength(off);
              if (firstBreak < 0) {
                firstBreak = off;
                firstBreakLength = length;
              }
              field.append(buf, start + off, length);
              off += length;
              quotedBreaks++;
              if (quotedBreaks >= MAX_RECORD_LINES) {
                return damaged(
                    startLine,
                    firstBreak,
                    firstBreakLength,
                    "runs over more than " + MAX_RECORD_LINES + " lines");
              }
            } else {
              nul |= c == 0;
              field.append((char) c);
              off++;
            }
            if (off > MAX_RECORD_CHARS) {
              return tooLong(startLine, off, firstBreak, firstBreakLength);
            }
          }
          if (!closed) {
            error = "quoted field not closed before end of file";
            break;
          }
          c = at(off);
          if (c != -1 && c != delimiter && c != '\n' && c != '\r') {
            error = "unexpected character after closing quote";
            while ((c = at(off)) != -1 && c != '\n' && c != '\r') {
              off++;
              if (off > MAX_RECORD_CHARS) {
                return tooLong(startLine, off, firstBreak, firstBreakLength);
              }
            }
          }
        } else {
          while ((c = at(off)) != -1 && c != delimiter && c != '\n' && c != '\r') {
            nul |= c == 0;
            field.append((char) c);
            off++;
            if (off > MAX_RECORD_CHARS) {
              return tooLong(startLine, off, firstBreak, firstBreakLength);
            }
          }
        }
        fields.add(field.toString());
        field.setLength(0);
        c = at(off);
        if (c == delimiter && error == null) {
          off++;
          if (at(off) == -1) {
            fields.add("");
            break;
          }
        } else {
          break;
        }
      }
      if (firstBreak >= 0) {
        String problem = error;
        if (problem == null && width >= 0 && fields.size() != width) {
          problem = fields.size() + " fields where the header has " + width;
        }
        if (problem != null) {
          long lastLine = startLine + quotedBreaks;
          return damaged(
              startLine,
              firstBreak,
              firstBreakLength,
              at(off) == -1 && error != null && error.startsWith("quoted field not closed")
                  ? "is never closed"
                  : "would make lines "
                      + startLine
                      + "-"
                      + lastLine
                      + " one record ("
                      + problem
                      + ")");
        }
      }
      if (nul && error == null) {
        error = "holds a NUL character (binary data, not text)";
      }
      int end = off;
      if (at(off) == -1) {
        // A record that runs to the end of the text loses its final line end.
        if (end > 0 && buf[start + end - 1] == '\n') {
          end--;
        }
        if (end > 0 && buf[start + end - 1] == '\r') {
          end--;
        }
      }
      String raw = text(0, end);
      // Consume the record's line terminator.
      c = at(off);
      if (c == '\n' || c == '\r') {
        off += lineBreakLength(off);
        line++;
      }
      line += quotedBreaks;
      start += off;
      return new CsvRecord(
          startLine,
          error == null ? fields : List.of(),
          raw,
          error == null ? null : "malformed CSV record: " + error);
    }

    /**
     * A record over several lines that cannot be one: its first line is rejected, and reading
     * starts again on the next.
     */
    private CsvRecord damaged(long startLine, int firstBreak, int firstBreakLength, String what) {
      String raw = text(0, firstBreak);
      start += firstBreak + firstBreakLength;
      line = startLine + 1;
      return new CsvRecord(
          startLine,
          List.of(),
          raw,
          "malformed CSV record: a quoted field opened on this line "
              + what
              + "; the next lines are read on their own");
    }

    /** A record past {@link #MAX_RECORD_CHARS}. */
    private CsvRecord tooLong(long startLine, int off, int firstBreak, int firstBreakLength)
        throws IOException {
      if (firstBreak >= 0) {
        return damaged(
            startLine,
            firstBreak,
            firstBreakLength,
            "runs over more than " + MAX_RECORD_CHARS + " characters");
      }
      // One physical line too long to keep: keep its start, pass over the rest as it is read.
      String kept = text(0, RAW_KEPT_CHARS) + "…";
      long length = off;
      start += off;
      int c;
      while ((c = at(0)) != -1 && c != '\n' && c != '\r') {
        start++;
        length++;
      }
      if (c != -1) {
        start += lineBreakLength(0);
      }
      line++;
      return new CsvRecord(
          startLine,
          List.of(),
          kept,
          "malformed CSV record: a line of "
              + length
              + " characters, longer than the "
              + MAX_RECORD_CHARS
              + " a record may have (its first "
              + RAW_KEPT_CHARS
              + " are kept)");
    }

    /** The text between two offsets, NUL characters shown as U+FFFD. */
    private String text(int from, int to) {
      String s = new String(buf, start + from, to - from);
      return s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }
  }
}
