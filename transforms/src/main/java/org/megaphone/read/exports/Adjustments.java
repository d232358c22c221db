package org.megaphone.read.exports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names of what a profile adjusts on purpose while reading an export's known quirks, as
 * summary.json counts them per file ({@code inputs.files[].adjustments}), each with the warning the
 * run prints once per file.
 */
public final class Adjustments {
  /** Records whose unescaped quotes were repaired (TikTok Studio's titles). */
  public static final String REPAIRED_RECORDS = "repaired_records";

  /** Negative net counts of a date-ranged export, read as 0 (YouTube Studio). */
  public static final String NET_COUNTS_AS_ZERO = "net_counts_read_as_zero";

  private Adjustments() {}

  /** The warning for a file that needed {@code count} of {@code adjustment}; null for none. */
  public static String warning(String path, String adjustment, long count) {
    return switch (adjustment) {
      case REPAIRED_RECORDS ->
          path
              + ": "
              + count
              + " record(s) with unescaped quotes inside a quoted field read by splitting at the"
              + " field separators (the producer does not escape quotes; each repair gave exactly"
              + " the header's number of fields)";
      case NET_COUNTS_AS_ZERO ->
          path
              + ": "
              + count
              + " negative count(s) read as 0: this export covers a date range, so its likes,"
              + " comments and shares are net (gained minus removed); download the Lifetime range"
              + " for the counts the contract expects";
      default -> null;
    };
  }

  /** The warnings of a file's adjustments, in name order. */
  public static List<String> warnings(String path, Map<String, Long> adjustments) {
    List<String> out = new ArrayList<>();
    new TreeMap<>(adjustments)
        .forEach(
            (name, count) -> {
              String w = warning(path, name, count);
              if (w != null && count > 0) {
                out.add(w);
              }
            });
    return out;
  }
}
