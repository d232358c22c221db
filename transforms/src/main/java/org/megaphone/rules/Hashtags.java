package org.megaphone.rules;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contract section 4, Hashtags: {@code #} followed by letters, digits or {@code _}, compared
 * case-insensitively (Unicode; folded as in the contract copy, D15).
 */
public final class Hashtags {
  private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");

  private Hashtags() {}

  /** The case-folded hashtags of a text, without '#', in order of first appearance. */
  public static Set<String> inText(String text) {
    Set<String> tags = new LinkedHashSet<>();
    if (text == null) {
      return tags;
    }
    Matcher m = HASHTAG.matcher(text);
    while (m.find()) {
      tags.add(fold(m.group(1)));
    }
    return tags;
  }

  /**
   * The tags of a list such as a bulletin's {@code hashtags} cell (space-separated) or
   * --campaignTags (comma-separated): '#' optional, folded.
   */
  public static Set<String> inList(String list) {
    Set<String> tags = new LinkedHashSet<>();
    if (list == null) {
      return tags;
    }
    for (String token : list.split("(?U)[\\s,]+", -1)) {
      String t = token;
      while (t.startsWith("#")) {
        t = t.substring(1);
      }
      if (!t.isEmpty()) {
        tags.add(fold(t));
      }
    }
    return tags;
  }

  /** Unicode case folding close to Python's casefold: upper then lower, so 'ß' equals 'SS'. */
  public static String fold(String tag) {
    return tag.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
