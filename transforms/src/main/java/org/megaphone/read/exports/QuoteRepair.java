package org.megaphone.read.exports;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a record whose producer does not escape quotes inside quoted fields (TikTok Studio writes
 * {@code "My "best" day"} where RFC 4180 wants {@code "My ""best"" day"}). A quoted field ends only
 * at a quote that the delimiter or the end of the line follows; every other quote in it is text, a
 * doubled one a single quote. The repair stands only when it is unambiguous: it gives exactly the
 * header's number of fields. A title that itself holds a quote, a delimiter and more text splits
 * into one field too many and stays a reject.
 */
final class QuoteRepair {
  private QuoteRepair() {}

  /**
   * Whether a record rejected for {@code reason} may be one with unescaped quotes: a quote followed
   * by text, a quote that runs on over the line end, or one field too many or too few; never a NUL,
   * an over-long record or a quote that never closes.
   */
  static boolean mayRepair(String reason) {
    return reason.contains("unexpected character after closing quote")
        || reason.contains("would make lines")
        || reason.contains("fields where the header has");
  }

  /** The fields of one physical line, or null when they are not exactly {@code width}. */
  static List<String> split(String line, char delimiter, int width) {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      return null;
    }
    List<String> fields = new ArrayList<>(width);
    int i = 0;
    int n = line.length();
    while (true) {
      int end;
      if (i < n && line.charAt(i) == '"') {
        // The closing quote: the first quote followed by the delimiter or the line's end.
        int close = -1;
        for (int j = i + 1; j < n; j++) {
          if (line.charAt(j) == '"' && (j + 1 == n || line.charAt(j + 1) == delimiter)) {
            close = j;
            break;
          }
        }
        if (close < 0) {
          return null;
        }
        // A doubled quote is one, as in RFC 4180: a producer that escapes some quotes.
        fields.add(line.substring(i + 1, close).replace("\"\"", "\""));
        end = close + 1;
      } else {
        int next = line.indexOf(delimiter, i);
        end = next < 0 ? n : next;
        fields.add(line.substring(i, end));
      }
      if (fields.size() > width) {
        return null;
      }
      if (end >= n) {
        break;
      }
      i = end + 1; // past the delimiter
      if (i == n) {
        fields.add("");
        break;
      }
    }
    return fields.size() == width ? fields : null;
  }
}
