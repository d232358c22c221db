package org.megaphone.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contract section 4, Mentions (names and aliases): whole-word phrase matching that ignores case
 * and diacritics. Text and phrase are decomposed (NFKD), stripped of combining marks, case-folded
 * and split into words; a phrase matches when its words appear consecutively.
 */
public final class Words {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

  private Words() {}

  public static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    Matcher m = WORD.matcher(Hashtags.fold(plain));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /** Whether {@code phrase} (already split by {@link #of}) occurs as consecutive words. */
  public static boolean containsPhrase(List<String> textWords, List<String> phrase) {
    for (int i = 0; i + phrase.size() <= textWords.size(); i++) {
      if (phraseAt(textWords, i, phrase)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code phrase} occurs in {@code textWords} starting at word {@code start}. */
  public static boolean phraseAt(List<String> textWords, int start, List<String> phrase) {
    if (phrase.isEmpty() || start + phrase.size() > textWords.size()) {
      return false;
    }
    for (int j = 0; j < phrase.size(); j++) {
      if (!textWords.get(start + j).equals(phrase.get(j))) {
        return false;
      }
    }
    return true;
  }
}
