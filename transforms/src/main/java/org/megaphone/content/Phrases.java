package org.megaphone.content;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whole-word phrase matching that ignores case and diacritics (runbooks/data-contract.md D35): text
 * is decomposed (NFKD), lower-cased and stripped of combining marks ("Città" → "citta",
 * "Hämäläinen" → "hamalainen"), then cut into words, the runs of letters and digits (a hashtag's
 * {@code #} and an apostrophe separate words). A phrase is one or more such words; a word ending in
 * {@code *} matches every word it starts ({@code solidar*} → solidarity, solidarietà,
 * solidaarisuus). A phrase matches where its words follow each other in the text.
 */
public final class Phrases {
  private Phrases() {}

  /** The words of a text, normalised. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    String plain = fold(text);
    int start = -1;
    for (int i = 0; i <= plain.length(); ) {
      int c = i < plain.length() ? plain.codePointAt(i) : -1;
      boolean wordChar = c >= 0 && Character.isLetterOrDigit(c);
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        words.add(plain.substring(start, i));
        start = -1;
      }
      i += c >= 0 ? Character.charCount(c) : 1;
    }
    return words;
  }

  /**
   * Lower case without diacritics. Compatibility decomposition (NFKD) also turns the "bold" and
   * "italic" letters of social media captions (𝐡𝐨𝐩𝐞) and ligatures into plain letters.
   */
  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A phrase to look for. */
  public static final class Phrase implements Serializable {
    private final List<String> words;
    private final List<Boolean> stems;
    private final String source;

    private Phrase(String source, List<String> words, List<Boolean> stems) {
      this.source = source;
      this.words = words;
      this.stems = stems;
    }

    /**
     * Parses a phrase like {@code "free delivery"} or {@code solidar*}.
     *
     * @throws IllegalArgumentException when it holds no word, or a {@code *} anywhere but at the
     *     end of a word
     */
    public static Phrase of(String phrase) {
      List<String> words = new ArrayList<>();
      List<Boolean> stems = new ArrayList<>();
      for (String part : phrase.trim().split("\\s+", -1)) {
        boolean stem = part.endsWith("*");
        String bare = stem ? part.substring(0, part.length() - 1) : part;
        if (bare.contains("*")) {
          throw new IllegalArgumentException("'" + phrase + "': * may only end a word");
        }
        List<String> folded = words(bare);
        if (folded.isEmpty()) {
          continue;
        }
        for (int i = 0; i < folded.size(); i++) {
          words.add(folded.get(i));
          stems.add(stem && i == folded.size() - 1);
        }
      }
      if (words.isEmpty()) {
        throw new IllegalArgumentException("'" + phrase + "' has no word to match");
      }
      return new Phrase(phrase.trim(), List.copyOf(words), List.copyOf(stems));
    }

    /** Whether the phrase occurs in the words of a text. */
    public boolean in(List<String> text) {
      for (int start = 0; start + words.size() <= text.size(); start++) {
        if (at(text, start)) {
          return true;
        }
      }
      return false;
    }

    /**
     * The first word (folded); with {@link #firstIsStem}, what a text word must equal or start
     * with.
     */
    String firstWord() {
      return words.get(0);
    }

    boolean firstIsStem() {
      return stems.get(0);
    }

    /** Whether the phrase occurs in the words of a text from word {@code start} on. */
    boolean at(List<String> text, int start) {
      if (start + words.size() > text.size()) {
        return false;
      }
      for (int i = 0; i < words.size(); i++) {
        String word = text.get(start + i);
        boolean ok = stems.get(i) ? word.startsWith(words.get(i)) : word.equals(words.get(i));
        if (!ok) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return source;
    }
  }
}
