package org.megaphone.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.megaphone.read.CsvRecords;
import org.megaphone.read.InputException;

/**
 * The themes lexicon (runbooks/data-contract.md D35): per theme and language, the phrases that put
 * a post under the theme. A CSV with columns theme, language, phrases ({@code |}-separated, see
 * {@link Phrases}); lines starting with {@code #} are comments. The default, {@code themes.csv}
 * next to this class, ships in the jar; {@code --themes=FILE} replaces it.
 *
 * <p>A post is matched against the phrases of its language (the post's, else its author's roster
 * language); a post without a language, or in a language the lexicon does not list, against all of
 * them.
 */
public final class Lexicon implements Serializable {
  public static final String DEFAULT = "themes.csv";

  /** language → theme → phrases. */
  private final Map<String, Map<String, List<Phrases.Phrase>>> byLanguage;

  private transient Map<String, Index> indexes;

  private Lexicon(Map<String, Map<String, List<Phrases.Phrase>>> byLanguage) {
    this.byLanguage = byLanguage;
  }

  /** The lexicon that ships in the jar. */
  public static Lexicon defaults() {
    try (InputStream in = Lexicon.class.getResourceAsStream(DEFAULT)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT + " is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a themes lexicon (columns theme, language, phrases; # starts a comment line); {@code
   * file} names it in messages.
   *
   * @throws InputException naming the file and line of a row without theme, language or phrases, or
   *     with a phrase that cannot be matched
   */
  public static Lexicon parse(String csv, String file) {
    Map<String, Map<String, List<Phrases.Phrase>>> byLanguage = new TreeMap<>();
    // Comment lines become blank lines: skipped, and the line numbers stay the file's.
    String text =
        (csv.startsWith("\uFEFF") ? csv.substring(1) : csv).replaceAll("(?m)^[ \t]*#.*$", "");
    List<CsvRecords.CsvRecord> records = CsvRecords.parse(text, ',');
    if (records.isEmpty()) {
      throw new InputException(file + ": empty (columns: theme, language, phrases)");
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < records.get(0).fields.size(); i++) {
      columns.put(records.get(0).fields.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    for (String column : List.of("theme", "language", "phrases")) {
      if (!columns.containsKey(column)) {
        throw new InputException(
            file + ": no column " + column + " (columns: theme, language, phrases)");
      }
    }
    for (CsvRecords.CsvRecord r : records.subList(1, records.size())) {
      String where = file + " line " + r.line;
      if (r.error != null) {
        throw new InputException(where + ": " + r.error);
      }
      String theme = cell(r, columns, "theme");
      String language = cell(r, columns, "language").toLowerCase(Locale.ROOT);
      String phraseList = cell(r, columns, "phrases");
      if (theme.isEmpty() || language.isEmpty() || phraseList.isEmpty()) {
        throw new InputException(where + ": theme, language and phrases are required");
      }
      if (!theme.matches("[\\p{L}\\p{N}_ .-]+")) {
        // posts_attributed joins themes with |: a theme is letters, digits, space, _ . - only.
        throw new InputException(
            where + ": theme '" + theme + "' may hold only letters, digits, space, _ . and -");
      }
      List<Phrases.Phrase> phrases =
          byLanguage
              .computeIfAbsent(language, k -> new TreeMap<>())
              .computeIfAbsent(theme, k -> new ArrayList<>());
      for (String p : phraseList.split("\\|", -1)) {
        if (p.isBlank()) {
          continue;
        }
        try {
          phrases.add(Phrases.Phrase.of(p));
        } catch (IllegalArgumentException e) {
          throw new InputException(where + ": " + e.getMessage());
        }
      }
    }
    return new Lexicon(byLanguage);
  }

  private static String cell(CsvRecords.CsvRecord r, Map<String, Integer> columns, String column) {
    int i = columns.get(column);
    return i < r.fields.size() ? r.fields.get(i).trim() : "";
  }

  /** The themes of a text in a language (null or unknown: every language's phrases). */
  public SortedSet<String> themes(String text, String language) {
    SortedSet<String> themes = new TreeSet<>();
    List<String> words = Phrases.words(text);
    if (words.isEmpty()) {
      return themes;
    }
    String lang = language == null ? null : language.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Map<String, List<Phrases.Phrase>>> l : byLanguage.entrySet()) {
      if (lang != null && byLanguage.containsKey(lang) && !l.getKey().equals(lang)) {
        continue;
      }
      index(l.getKey()).match(words, themes);
    }
    return themes;
  }

  private Index index(String language) {
    if (indexes == null) {
      indexes = new ConcurrentHashMap<>();
    }
    return indexes.computeIfAbsent(language, l -> new Index(byLanguage.get(l)));
  }

  /**
   * A language's phrases by their first word: a text is matched by looking up each of its words
   * (and each prefix of it, for phrases that start with a stem), not by trying every phrase at
   * every word. Same themes as trying every phrase.
   */
  private static final class Index {
    private final Map<String, List<Map.Entry<String, Phrases.Phrase>>> exact = new HashMap<>();
    private final Map<String, List<Map.Entry<String, Phrases.Phrase>>> stems = new HashMap<>();
    private int longestStem;

    Index(Map<String, List<Phrases.Phrase>> themes) {
      themes.forEach(
          (theme, phrases) -> {
            for (Phrases.Phrase p : phrases) {
              Map<String, List<Map.Entry<String, Phrases.Phrase>>> byWord =
                  p.firstIsStem() ? stems : exact;
              byWord
                  .computeIfAbsent(p.firstWord(), w -> new ArrayList<>())
                  .add(Map.entry(theme, p));
              if (p.firstIsStem()) {
                longestStem = Math.max(longestStem, p.firstWord().length());
              }
            }
          });
    }

    void match(List<String> words, SortedSet<String> themes) {
      for (int i = 0; i < words.size(); i++) {
        String word = words.get(i);
        check(exact.get(word), words, i, themes);
        for (int k = 1; k <= Math.min(word.length(), longestStem); k++) {
          check(stems.get(word.substring(0, k)), words, i, themes);
        }
      }
    }

    private static void check(
        List<Map.Entry<String, Phrases.Phrase>> candidates,
        List<String> words,
        int at,
        SortedSet<String> themes) {
      if (candidates == null) {
        return;
      }
      for (Map.Entry<String, Phrases.Phrase> c : candidates) {
        if (!themes.contains(c.getKey()) && c.getValue().at(words, at)) {
          themes.add(c.getKey());
        }
      }
    }
  }

  /** Every theme the lexicon names. */
  public SortedSet<String> names() {
    SortedSet<String> names = new TreeSet<>();
    byLanguage.values().forEach(t -> names.addAll(t.keySet()));
    return names;
  }
}
