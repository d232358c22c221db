package org.megaphone.content;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.megaphone.read.CsvRecords;
import org.megaphone.read.InputException;

/**
 * Known false or misleading claims, from the dataset's {@code claims*.csv} (columns claim_id,
 * description, phrases, links; runbooks/data-contract.md D36). A post carries a claim when its text
 * holds one of the claim's phrases (matched as {@link Phrases}) or its text or url holds one of its
 * links (compared without scheme, {@code www.}, case and trailing slash).
 */
public final class Claims implements Serializable {
  public static final Claims NONE = new Claims(List.of());

  /** One claim. */
  public record Claim(
      String id, String description, List<Phrases.Phrase> phrases, List<String> links)
      implements Serializable {}

  private final List<Claim> claims;

  private Claims(List<Claim> claims) {
    this.claims = List.copyOf(claims);
  }

  public List<Claim> all() {
    return claims;
  }

  /**
   * Reads claims files; several files add up.
   *
   * @param files file name → its text
   * @throws InputException naming the file and line of a claim without id, with an id seen before,
   *     or with neither phrases nor links
   */
  public static Claims parse(Map<String, String> files) {
    List<Claim> claims = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      String text = f.getValue().startsWith("\uFEFF") ? f.getValue().substring(1) : f.getValue();
      List<CsvRecords.CsvRecord> records = CsvRecords.parse(text, CsvRecords.detectDelimiter(text));
      if (records.isEmpty()) {
        continue;
      }
      Map<String, Integer> columns = new HashMap<>();
      List<String> header = records.get(0).fields;
      for (int i = 0; i < header.size(); i++) {
        columns.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      if (!columns.containsKey("claim_id")) {
        throw new InputException(
            f.getKey() + ": no claim_id column (columns: claim_id, description, phrases, links)");
      }
      for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
        String where = f.getKey() + " line " + r.line;
        if (r.error != null) {
          throw new InputException(where + ": " + r.error);
        }
        String id = cell(r, columns, "claim_id");
        if (id.isEmpty()) {
          throw new InputException(where + ": claim_id is required");
        }
        String earlier = seen.putIfAbsent(id, where);
        if (earlier != null) {
          throw new InputException(
              where + ": claim " + id + " is listed twice (also at " + earlier + ")");
        }
        List<Phrases.Phrase> phrases = new ArrayList<>();
        for (String p : cell(r, columns, "phrases").split("\\|", -1)) {
          if (!p.isBlank()) {
            try {
              phrases.add(Phrases.Phrase.of(p));
            } catch (IllegalArgumentException e) {
              throw new InputException(where + ": " + e.getMessage());
            }
          }
        }
        List<String> links = new ArrayList<>();
        for (String l : cell(r, columns, "links").split("[|\\s]+", -1)) {
          if (!l.isBlank()) {
            if (link(l).isEmpty()) {
              // An empty link would be found in every post.
              throw new InputException(where + ": link '" + l + "' names no address");
            }
            links.add(link(l));
          }
        }
        if (phrases.isEmpty() && links.isEmpty()) {
          throw new InputException(
              where + ": claim " + id + " has neither phrases nor links to recognise it by");
        }
        claims.add(new Claim(id, cell(r, columns, "description"), phrases, links));
      }
    }
    claims.sort(Comparator.comparing(Claim::id));
    return new Claims(claims);
  }

  private static String cell(CsvRecords.CsvRecord r, Map<String, Integer> columns, String column) {
    Integer i = columns.get(column);
    return i == null || i >= r.fields.size() ? "" : r.fields.get(i).trim();
  }

  /** A link as compared: lower case, no scheme, no leading www., no trailing slash. */
  static String link(String url) {
    String l =
        url.trim()
            .toLowerCase(Locale.ROOT)
            .replaceFirst("^[a-z][a-z0-9+.-]*://", "")
            .replaceFirst("^www\\.", "");
    while (l.endsWith("/")) {
      l = l.substring(0, l.length() - 1);
    }
    return l;
  }

  /** The ids of the claims a post carries. */
  public SortedSet<String> carried(String text, String url) {
    SortedSet<String> ids = new TreeSet<>();
    if (claims.isEmpty()) {
      return ids;
    }
    List<String> words = Phrases.words(text);
    String haystack =
        ((text == null ? "" : text) + " " + (url == null ? "" : url))
            .toLowerCase(Locale.ROOT)
            .replace("://www.", "://");
    for (Claim c : claims) {
      if (c.phrases().stream().anyMatch(p -> p.in(words))
          || c.links().stream().anyMatch(haystack::contains)) {
        ids.add(c.id());
      }
    }
    return ids;
  }
}
