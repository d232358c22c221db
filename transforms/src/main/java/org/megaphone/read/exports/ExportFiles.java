package org.megaphone.read.exports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;
import org.megaphone.model.SourceRef;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.read.CsvRecords;
import org.megaphone.read.InputException;
import org.megaphone.read.Row;
import org.megaphone.read.RowRejected;
import org.megaphone.read.Table;
import org.megaphone.read.Tables;

/**
 * Reads one native export, without Beam: finds its header (title lines before it are skipped),
 * recognises its profile, maps each row onto the contract's posts and views, and applies the
 * contract's table rules to the result, so an export's rows are rejected, de-duplicated and counted
 * exactly like canonical rows. A reject's reason starts with the profile's name.
 */
public final class ExportFiles {
  /** How far down a file the header may be (after title lines). */
  static final int HEADER_SEARCH_LINES = 20;

  /**
   * What reading one export counted, per table it fed: a native row counts as read in each table it
   * gave a row to, and a row rejected before mapping counts in the profile's main table.
   */
  public record Counts(
      String profile,
      long postsRead,
      long postsRejected,
      long viewsRead,
      long viewsRejected,
      boolean viewsWithoutExportDate,
      Map<String, Long> adjustments,
      String numberFormat) {}

  private record Header(
      int skippedLines, char delimiter, List<String> columns, ExportProfile profile) {}

  private ExportFiles() {}

  /**
   * Reads one export's text: its posts, view snapshots and rejected rows go to the consumers, and
   * what was read is counted.
   *
   * @param forced the profile given with --profile, or null to recognise it by header
   * @throws InputException when no profile recognises the file
   */
  public static Counts parse(
      ExportFile file,
      String text,
      ExportProfile forced,
      Consumer<Post> posts,
      Consumer<ViewSnapshot> views,
      Consumer<Reject> rejects) {
    Header header = findHeader(file.path(), text, forced);
    ExportProfile profile = header.profile();
    String body = skipLines(text, header.skippedLines());
    List<CsvRecords.CsvRecord> records = CsvRecords.parse(body, header.delimiter());
    int width = records.get(0).fields.size();
    // Each column under the English name the profile reads; a name given twice (an export with
    // both a Swedish and an English column of the same figure) reads its first non-empty cell.
    List<String> names = new ArrayList<>();
    header.columns().forEach(c -> names.add(profile.column(c)));

    long[] counts = new long[4]; // posts read, posts rejected, views read, views rejected
    List<ExportProfile.ExportRecord> rows = new ArrayList<>();
    for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
      long line = r.line + header.skippedLines();
      String reason = r.error;
      if (reason == null && r.fields.size() != width) {
        reason =
            "malformed CSV record: " + r.fields.size() + " fields where the header has " + width;
      }
      List<String> fields = r.fields;
      if (reason != null && profile.repairsUnescapedQuotes() && QuoteRepair.mayRepair(reason)) {
        List<String> repaired = QuoteRepair.split(r.raw, header.delimiter(), width);
        if (repaired != null) {
          fields = repaired;
          reason = null;
        }
      }
      if (reason != null) {
        counts[profile.mainTable().equals("views") ? 2 : 0]++;
        reject(file, profile, profile.mainTable(), line, r.raw, reason, rejects, counts);
        continue;
      }
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        String before = values.get(names.get(i));
        if (before == null || before.isBlank()) {
          values.put(names.get(i), fields.get(i));
        }
      }
      NativeRow row = new NativeRow(values);
      if (fields != r.fields) {
        row.adjusted(Adjustments.REPAIRED_RECORDS);
      }
      rows.add(new ExportProfile.ExportRecord(line, r.raw, row));
    }
    Map<Long, NativeRow> rowsByLine = new HashMap<>();
    rows.forEach(r -> rowsByLine.put(r.line(), r.row()));
    Map<String, Long> adjustments = new TreeMap<>();
    Map<String, Long> groupings = new TreeMap<>();

    Table<Post> postsTable = Tables.posts(file.zoneId());
    Table<ViewSnapshot> viewsTable = Tables.views(file.zoneId());
    boolean viewsWithoutDate = false;
    for (ExportProfile.Outcome o : profile.mapAll(rows, file)) {
      if (o.skipped()) {
        continue;
      }
      if (o.rejection() != null) {
        counts[profile.mainTable().equals("views") ? 2 : 0]++;
        reject(
            file, profile, profile.mainTable(), o.line(), o.raw(), o.rejection(), rejects, counts);
        continue;
      }
      NativeRow mappedRow = rowsByLine.get(o.line());
      if (mappedRow != null) {
        mappedRow.adjustments().forEach((name, n) -> adjustments.merge(name, n, Long::sum));
        mappedRow.groupings().forEach((name, n) -> groupings.merge(name, n, Long::sum));
      }
      SourceRef source = SourceRef.create(file.path(), o.line(), o.raw());
      if (o.mapped().post() != null) {
        counts[0]++;
        try {
          posts.accept(postsTable.parse(Row.of(o.mapped().post()), source));
        } catch (RowRejected e) {
          reject(file, profile, "posts", o.line(), o.raw(), e.getMessage(), rejects, counts);
        }
      }
      if (o.mapped().views() != null) {
        counts[2]++;
        try {
          views.accept(viewsTable.parse(Row.of(o.mapped().views()), source));
        } catch (RowRejected e) {
          reject(file, profile, "views", o.line(), o.raw(), e.getMessage(), rejects, counts);
        }
      } else if (o.mapped().post() != null
          && file.exportedAt() == null
          && profile.feeds().contains("views")) {
        // Only a profile whose rows give views loses them without a date (not canonical posts).
        viewsWithoutDate = true;
      }
    }
    return new Counts(
        profile.name(),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        viewsWithoutDate,
        adjustments,
        String.join(" and ", groupings.keySet()));
  }

  private static void reject(
      ExportFile file,
      ExportProfile profile,
      String table,
      long line,
      String raw,
      String reason,
      Consumer<Reject> rejects,
      long[] counts) {
    rejects.accept(Reject.create(file.path(), line, table, profile.name() + ": " + reason, raw));
    if (table.equals("views")) {
      counts[3]++;
    } else {
      counts[1]++;
    }
  }

  /**
   * Why a file is read by its profile, or why no profile reads it (the message that stops a run):
   * what {@code megaphone profiles --explain} prints for it. A recognised file names the header's
   * line and delimiter and the columns that identify the profile, each localized name with the
   * English one it stands for.
   */
  public static Explanation explain(String path, String text, ExportProfile forced) {
    Header header;
    try {
      header = findHeader(path, text, forced);
    } catch (InputException e) {
      return new Explanation(null, e.getMessage());
    }
    ExportProfile profile = header.profile();
    List<String> because = new ArrayList<>();
    for (String required : profile.required()) {
      String found = required;
      for (String column : header.columns()) {
        if (profile.column(column).equals(required)) {
          found = column;
          break;
        }
      }
      because.add(found.equals(required) ? required : found + " = " + required);
    }
    return new Explanation(
        profile.name(),
        path
            + ": "
            + profile.name()
            + " (header on line "
            + (header.skippedLines() + 1)
            + ", "
            + switch (header.delimiter()) {
              case '\t' -> "tab";
              case ';' -> "semicolon";
              default -> "comma";
            }
            + "-separated; recognised by "
            + String.join(", ", because)
            + ")");
  }

  /** What {@link #explain} says of a file: the profile that reads it (null: none), and why. */
  public record Explanation(String profile, String text) {}

  /** The first of the file's first lines that a profile (or the forced one) recognises. */
  private static Header findHeader(String path, String text, ExportProfile forced) {
    String[] lines = text.split("\r\n|\r|\n", HEADER_SEARCH_LINES + 1);
    Set<String> firstHeader = null;
    for (int i = 0; i < Math.min(lines.length, HEADER_SEARCH_LINES); i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      char delimiter = CsvRecords.detectExportDelimiter(lines[i]);
      List<CsvRecords.CsvRecord> parsed = CsvRecords.parse(lines[i], delimiter);
      if (parsed.isEmpty() || parsed.get(0).error != null) {
        continue;
      }
      List<String> columns = new ArrayList<>();
      for (String f : parsed.get(0).fields) {
        columns.add(f.strip().toLowerCase(Locale.ROOT));
      }
      Set<String> names = new LinkedHashSet<>(columns);
      names.remove("");
      if (firstHeader == null) {
        firstHeader = names;
      }
      ExportProfile profile =
          forced != null ? (forced.matches(names) ? forced : null) : Profiles.detect(names);
      if (profile != null) {
        return new Header(i, delimiter, columns, profile);
      }
    }
    throw new InputException(
        unrecognised(path, firstHeader == null ? Set.of() : firstHeader, forced));
  }

  private static String unrecognised(String path, Set<String> header, ExportProfile forced) {
    ExportProfile closest = forced != null ? forced : Profiles.closest(header);
    return path
        + ": "
        + (forced != null ? "not a " + forced.name() + " export" : "not a known export")
        + "; header found: "
        + String.join(",", header)
        + "; closest profile: "
        + closest.name()
        + " (lacks "
        + String.join(", ", Profiles.missing(closest, header))
        + "); profiles: "
        + String.join(", ", Profiles.names())
        + " (see megaphone profiles)";
  }

  private static String skipLines(String text, int lines) {
    int pos = 0;
    for (int i = 0; i < lines; i++) {
      int lf = text.indexOf('\n', pos);
      int cr = text.indexOf('\r', pos);
      int end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) {
        return "";
      }
      pos =
          end
              + ((text.charAt(end) == '\r'
                      && end + 1 < text.length()
                      && text.charAt(end + 1) == '\n')
                  ? 2
                  : 1);
    }
    return text.substring(pos);
  }
}
