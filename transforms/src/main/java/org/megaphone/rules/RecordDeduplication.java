package org.megaphone.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Bulletin;
import org.megaphone.model.SourceRef;

/**
 * D9: bulletins are keyed by bulletin_id and overrides by (platform, post_id), and among duplicates
 * the row with the greatest raw record (by code point) is kept, then the one read first (D24). The
 * report's {@code Deduplicate} steps and the driver's configuration ({@code JobConfiguration}) both
 * keep rows by these keys and this order.
 */
public final class RecordDeduplication {
  private RecordDeduplication() {}

  /** Positive when the row of {@code a} is to be kept rather than that of {@code b}. */
  public static int compare(SourceRef a, SourceRef b) {
    int byRecord = CodePoints.compare(a.getRecord(), b.getRecord());
    return byRecord != 0 ? byRecord : readFirst(a, b);
  }

  /**
   * Orders rows so that the one read first (file name, then line) is the greatest: the final
   * tie-break of every de-duplication.
   */
  public static int readFirst(SourceRef a, SourceRef b) {
    int byFile = CodePoints.compare(b.getFile(), a.getFile());
    return byFile != 0 ? byFile : Long.compare(b.getLine(), a.getLine());
  }

  public static String bulletinKey(Bulletin b) {
    return b.getBulletinId();
  }

  public static int byRawBulletin(Bulletin a, Bulletin b) {
    return compare(a.getSource(), b.getSource());
  }

  public static String overrideKey(AttributionOverride o) {
    return o.postKey();
  }

  public static int byRawOverride(AttributionOverride a, AttributionOverride b) {
    return compare(a.getSource(), b.getSource());
  }

  /** The kept bulletins, in bulletin_id order. */
  public static List<Bulletin> bulletins(Iterable<Bulletin> rows) {
    return keepGreatest(rows, RecordDeduplication::bulletinKey, RecordDeduplication::byRawBulletin);
  }

  /** The kept overrides, in post key order (check them against the roster first: D10). */
  public static List<AttributionOverride> overrides(Iterable<AttributionOverride> rows) {
    return keepGreatest(rows, RecordDeduplication::overrideKey, RecordDeduplication::byRawOverride);
  }

  /** One row per key, the greatest by the order (of equal ones the first), in key order. */
  public static <T> List<T> keepGreatest(
      Iterable<T> rows, Function<T, String> key, Comparator<T> order) {
    Map<String, T> kept = new TreeMap<>();
    for (T row : rows) {
      kept.merge(key.apply(row), row, (a, b) -> order.compare(a, b) >= 0 ? a : b);
    }
    return new ArrayList<>(kept.values());
  }
}
