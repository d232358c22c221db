package org.megaphone.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contract section 4, Links: compared after normalisation (lower-case scheme and host, no {@code
 * www.}, no fragment, no {@code utm_*}, {@code fbclid} or {@code gclid} parameters, no trailing
 * {@code /}). Links in text are found as in the contract copy, D14.
 */
public final class Links {
  private static final Pattern IN_TEXT = Pattern.compile("(?iU)(?:https?://|www\\.)[^\\s]+");
  private static final Pattern URL =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)(\\?[^#]*)?(#.*)?$");
  private static final String TRAILING_PUNCTUATION = ".,;:!?)]}>'\"";

  private Links() {}

  /** The normalised links written in a text. */
  public static Set<String> inText(String text) {
    Set<String> links = new LinkedHashSet<>();
    if (text == null) {
      return links;
    }
    Matcher m = IN_TEXT.matcher(text);
    while (m.find()) {
      String link = m.group();
      int end = link.length();
      while (end > 0 && TRAILING_PUNCTUATION.indexOf(link.charAt(end - 1)) >= 0) {
        end--;
      }
      if (end > 0) {
        links.add(normalise(link.substring(0, end)));
      }
    }
    return links;
  }

  /** The normalised links of a whitespace-separated list (a bulletin's {@code links} cell). */
  public static Set<String> inList(String list) {
    Set<String> links = new LinkedHashSet<>();
    if (list == null) {
      return links;
    }
    for (String token : list.strip().split("(?U)\\s+", -1)) {
      if (!token.isEmpty()) {
        links.add(normalise(token));
      }
    }
    return links;
  }

  public static String normalise(String link) {
    String l = link.trim();
    Matcher m = URL.matcher(l);
    String scheme;
    String host;
    String path;
    String query;
    if (m.matches()) {
      scheme = m.group(1).toLowerCase(Locale.ROOT) + "://";
      host = m.group(2);
      path = m.group(3);
      query = m.group(4);
    } else {
      // No scheme ("www.thl.fi/korona"): the host runs to the first '/', '?' or '#'.
      int hash = l.indexOf('#');
      if (hash >= 0) {
        l = l.substring(0, hash);
      }
      int q = l.indexOf('?');
      query = q >= 0 ? l.substring(q) : null;
      String beforeQuery = q >= 0 ? l.substring(0, q) : l;
      int slash = beforeQuery.indexOf('/');
      scheme = "";
      host = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
      path = slash >= 0 ? beforeQuery.substring(slash) : "";
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return scheme + host + path + cleanQuery(query);
  }

  private static String cleanQuery(String query) {
    if (query == null || query.length() <= 1) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String param : query.substring(1).split("&", -1)) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = (eq >= 0 ? param.substring(0, eq) : param).toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid")) {
        continue;
      }
      kept.add(param);
    }
    return kept.isEmpty() ? "" : "?" + String.join("&", kept);
  }
}
