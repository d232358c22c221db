package org.megaphone.write.html;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from the data made safe for report.html, and numbers made readable.
 *
 * <p>Handles, names, bulletin ids and reject reasons come from the public internet. Every such
 * string reaches the page through {@link #text} or {@link #clipped}: the five characters that can
 * open markup or leave an attribute are escaped, characters that are not allowed in an HTML
 * document (C0 controls but tab and newline, lone surrogates, noncharacters) become U+FFFD, and
 * explicit bidi embeddings and overrides (U+202A..U+202E, U+2066..U+2069) are dropped so a handle
 * cannot reverse the text around it; right-to-left letters themselves are kept and isolated with
 * {@code <bdi>} by the page.
 */
public final class Html {
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private Html() {}

  /** The value escaped for an HTML text node or a quoted attribute (also valid inside SVG). */
  public static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (isBidiControl(c)) {
            continue;
          }
          out.appendCodePoint(isAllowed(c) ? c : 0xFFFD);
        }
      }
    }
    return out.toString();
  }

  /**
   * At most {@code max} code points of the value, escaped; a longer value ends with an ellipsis.
   * Never splits a surrogate pair.
   */
  public static String clipped(String value, int max) {
    return text(clip(value, max));
  }

  /**
   * At most {@code max} characters as people see them (grapheme clusters: an emoji with its
   * modifiers, a flag, a letter with its accents count one), not escaped; a longer value keeps
   * {@code max - 1} of them and an ellipsis.
   */
  public static String clip(String value, int max) {
    if (value == null) {
      return "";
    }
    if (value.codePointCount(0, value.length()) <= max) {
      return value;
    }
    // \X is an extended grapheme cluster (emoji sequences included, unlike BreakIterator on Java
    // 17).
    Matcher graphemes = GRAPHEME.matcher(value);
    int end = 0;
    for (int kept = 0; kept < max; kept++) {
      if (!graphemes.find()) {
        return value;
      }
      if (kept == max - 1) {
        if (graphemes.end() == value.length()) {
          return value; // exactly max graphemes
        }
        break;
      }
      end = graphemes.end();
    }
    return value.substring(0, end) + "…";
  }

  /**
   * A link from the data, escaped for an href, when it is a plain web address (http or https); null
   * otherwise ({@code javascript:}, {@code data:}, relative paths and anything else).
   */
  public static String safeHref(String url) {
    if (url == null) {
      return null;
    }
    String u = url.trim();
    String lower = u.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("https://") || lower.startsWith("http://"))
        || u.chars().anyMatch(c -> c < 0x21)) {
      return null;
    }
    return text(u);
  }

  /** A count with thousand separators: 1,950,260. */
  public static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A ratio as a percentage with one decimal: 0.018100 → 1.8 %. Empty stays empty. */
  public static String percent(Double ratio) {
    return ratio == null ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
  }

  /** A decimal for an axis or a cell: thousand separators, at most the given decimals. */
  public static String decimal(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  /** A compact axis label: 1.2M, 45k, 950. */
  public static String compact(double value) {
    double abs = Math.abs(value);
    if (abs >= 1e9) {
      return trim(value / 1e9) + "G";
    }
    if (abs >= 1e6) {
      return trim(value / 1e6) + "M";
    }
    if (abs >= 1e3) {
      return trim(value / 1e3) + "k";
    }
    return trim(value);
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  private static boolean isAllowed(int c) {
    if (c == '\t' || c == '\n') {
      return true;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return false;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      return false; // a lone surrogate: codePointAt returned half a pair
    }
    return !((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE);
  }
}
