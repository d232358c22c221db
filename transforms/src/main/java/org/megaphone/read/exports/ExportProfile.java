package org.megaphone.read.exports;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.megaphone.read.RowRejected;

/**
 * One native export format: how to recognise its header, and how each of its rows reads in the
 * contract's terms. Subclasses are small declarative mappings; the few conversions that cannot be
 * declared (running totals, ids that embed a time) are plain methods next to them.
 */
public abstract class ExportProfile implements Serializable {

  /** A native row's outcome: its canonical rows, or why it is rejected, or skipped (a total). */
  public record Outcome(long line, String raw, Mapped mapped, String rejection, boolean skipped) {}

  /** A record of the file, with where it was. */
  public record ExportRecord(long line, String raw, NativeRow row) {}

  private final String name;
  private final String source;
  private final List<String> required;

  /**
   * @param name short name, used by --profile and in summary.json and rejects.csv
   * @param source where the export is downloaded (menu path)
   * @param required header columns (lower case) that identify the format; all must be present
   */
  protected ExportProfile(String name, String source, String... required) {
    this.name = name;
    this.source = source;
    this.required = List.of(required);
  }

  public String name() {
    return name;
  }

  public String source() {
    return source;
  }

  public List<String> required() {
    return required;
  }

  /** The contract tables its rows feed. */
  public List<String> feeds() {
    return mainTable().equals("views") ? List.of("views") : List.of("posts", "views");
  }

  /** The table its rows are counted in when rejected: posts, or views for view-only exports. */
  public String mainTable() {
    return "posts";
  }

  /**
   * The names of its columns in the UI languages other than English that its producer exports in,
   * each with the English name the profile reads (both lower case): the header of a file downloaded
   * in Swedish or German reads like the English one. Only names seen in real exports or in parsers
   * written for them, cited in the profile's class comment; empty where none was found.
   */
  protected Map<String, String> localizedColumns() {
    return Map.of();
  }

  /** A header column (lower-cased, trimmed) as this profile reads it: in English. */
  public String column(String name) {
    String plain = name.replace("\u00ad", ""); // German exports carry soft hyphens in their names
    return localizedColumns().getOrDefault(plain, plain);
  }

  /** A header's columns as this profile reads them ({@link #column}). */
  public Set<String> columns(Set<String> header) {
    Set<String> english = new LinkedHashSet<>();
    header.forEach(c -> english.add(column(c)));
    return english;
  }

  /** Whether the header (lower-cased, trimmed names, in any of its languages) is this format's. */
  public boolean matches(Set<String> header) {
    return columns(header).containsAll(required());
  }

  /** Pairs of localized and English column names, lower-cased, as a map. */
  protected static Map<String, String> localized(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i].toLowerCase(Locale.ROOT), pairs[i + 1].toLowerCase(Locale.ROOT));
    }
    return Map.copyOf(map);
  }

  /**
   * Whether its producer writes quotes inside quoted fields unescaped, so that a record the strict
   * tokenizer cannot read is repaired where that is unambiguous ({@link QuoteRepair}).
   */
  public boolean repairsUnescapedQuotes() {
    return false;
  }

  /** Whether a row is a total or other non-data row to skip (not counted as a row). */
  protected boolean skip(NativeRow row) {
    return false;
  }

  /** One row in the contract's terms. Throws {@link RowRejected} with the reason. */
  protected abstract Mapped map(NativeRow row, ExportFile file);

  /** Every row of a file; formats whose rows depend on each other override this. */
  public List<Outcome> mapAll(List<ExportRecord> records, ExportFile file) {
    List<Outcome> out = new ArrayList<>();
    for (ExportRecord r : records) {
      if (skip(r.row())) {
        out.add(new Outcome(r.line(), r.raw(), null, null, true));
        continue;
      }
      try {
        out.add(new Outcome(r.line(), r.raw(), map(r.row(), file), null, false));
      } catch (RowRejected e) {
        out.add(new Outcome(r.line(), r.raw(), null, e.getMessage(), false));
      }
    }
    return out;
  }

  /** A required value of a native row, or a rejection naming the native column. */
  protected static String required(NativeRow row, String... columns) {
    String v = row.get(columns);
    if (v == null) {
      throw new RowRejected("missing required field: " + columns[0]);
    }
    return v;
  }

  /** The handle from sources.csv or the folder name, or a rejection saying how to give it. */
  protected static String handleOf(ExportFile file) {
    if (file.handleOrFolder() == null) {
      throw new RowRejected(
          "no handle: put the file in a folder named after the account"
              + " (exports/<handle>/) or add it to exports/sources.csv");
    }
    return file.handleOrFolder();
  }
}
