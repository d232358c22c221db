package org.megaphone.read;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 tokenizer that keeps what the contract needs and general CSV libraries drop: the
 * physical line on which each record starts, the raw text of the record, and resynchronisation
 * after a malformed record (commons-csv stops at the first one), so one bad row becomes one reject
 * and the rest of the file is still read.
 *
 * <p>Rules (contract section 2 and runbooks/data-contract.md D2/D3): fields may be quoted with
 * {@code "}, a doubled quote inside quotes is a quote, quoted fields may hold delimiters and line
 * breaks; LF, CRLF and lone CR end records; blank physical lines (empty or only spaces and tabs)
 * are skipped; a quote inside an
 * unquoted field is literal; a closing quote followed by anything but the delimiter or a line end
 * makes the record malformed (the parser skips to the end of that physical line); a quoted field
 * still open at the end of the text makes the rest of the text one malformed record.
 */
public final class CsvRecords {

  /** One record: its fields, or why it is malformed, with its start line and raw text. */
  public static final class Record {
    public final long line;
    public final List<String> fields;
    public final String raw;
    /** Null when the record is well-formed. */
    public final String error;

    Record(long line, List<String> fields, String raw, String error) {
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
  public static List<Record> parse(String text, char delimiter) {
    List<Record> records = new ArrayList<>();
    forEach(text, delimiter, records::add);
    return records;
  }

  /**
   * Hands each record of {@code text} to {@code each} as it is split, in order, without keeping
   * them: a file's records never all sit in memory at once (a 32 MB views file held about 600,000).
   * The text itself is still whole.
   */
  public static void forEach(String text, char delimiter, java.util.function.Consumer<Record> each) {
    int n = text.length();
    int pos = 0;
    long line = 1;
    while (pos < n) {
      // Skip blank physical lines (empty, or spaces and tabs only).
      int blank = pos;
      while (blank < n && (text.charAt(blank) == ' ' || text.charAt(blank) == '\t')) {
        blank++;
      }
      if (blank == n) {
        break;
      }
      char first = text.charAt(blank);
      if (first == '\n') {
        pos = blank + 1;
        line++;
        continue;
      }
      if (first == '\r') {
        pos = blank + ((blank + 1 < n && text.charAt(blank + 1) == '\n') ? 2 : 1);
        line++;
        continue;
      }
      int start = pos;
      long startLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      String error = null;
      boolean endOfRecord = false;
      while (!endOfRecord) {
        if (pos < n && text.charAt(pos) == '"') {
          // Quoted field.
          pos++;
          boolean closed = false;
          while (pos < n) {
            char c = text.charAt(pos);
            if (c == '"') {
              if (pos + 1 < n && text.charAt(pos + 1) == '"') {
                field.append('"');
                pos += 2;
              } else {
                pos++;
                closed = true;
                break;
              }
            } else {
              if (c == '\n' || (c == '\r' && !(pos + 1 < n && text.charAt(pos + 1) == '\n'))) {
                line++;
              }
              field.append(c);
              pos++;
            }
          }
          if (!closed) {
            error = "malformed CSV record: quoted field not closed before end of file";
            pos = n;
            break;
          }
          if (pos < n) {
            char c = text.charAt(pos);
            if (c != delimiter && c != '\n' && c != '\r') {
              error = "malformed CSV record: unexpected character after closing quote";
              while (pos < n && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                pos++;
              }
            }
          }
        } else {
          while (pos < n) {
            char c = text.charAt(pos);
            if (c == delimiter || c == '\n' || c == '\r') {
              break;
            }
            field.append(c);
            pos++;
          }
        }
        fields.add(field.toString());
        field.setLength(0);
        if (pos >= n) {
          endOfRecord = true;
        } else {
          char c = text.charAt(pos);
          if (c == delimiter && error == null) {
            pos++;
            if (pos >= n) {
              fields.add("");
              endOfRecord = true;
            }
          } else {
            endOfRecord = true;
          }
        }
      }
      int end = pos;
      if (end == n) {
        // A record that runs to the end of the text (an unclosed quote) loses its final line end.
        if (end > start && text.charAt(end - 1) == '\n') {
          end--;
        }
        if (end > start && text.charAt(end - 1) == '\r') {
          end--;
        }
      }
      // Consume the record's line terminator.
      if (pos < n && text.charAt(pos) == '\r') {
        pos++;
        if (pos < n && text.charAt(pos) == '\n') {
          pos++;
        }
        line++;
      } else if (pos < n && text.charAt(pos) == '\n') {
        pos++;
        line++;
      }
      each.accept(
          new Record(
              startLine, error == null ? fields : List.of(), text.substring(start, end), error));
    }
  }
}
