package org.megaphone.read.exports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every export profile Megaphone knows, and how a file's header picks one. */
public final class Profiles {
  public static final List<ExportProfile> ALL =
      List.of(
          new CanonicalProfiles.Posts(),
          new CanonicalProfiles.Views(),
          new YouTubeStudio.Table(),
          new YouTubeStudio.Chart(),
          new MetaBusinessSuite.Instagram(),
          new MetaBusinessSuite.Facebook(),
          new TikTokStudio(),
          new XAnalytics.TweetActivity(),
          new XAnalytics.Content(),
          new CrowdTangle.Facebook(),
          new CrowdTangle.Instagram(),
          new FourCat());

  private Profiles() {}

  /** The profile named {@code name}, or null. */
  public static ExportProfile named(String name) {
    for (ExportProfile p : ALL) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  public static List<String> names() {
    List<String> names = new ArrayList<>();
    ALL.forEach(p -> names.add(p.name()));
    return names;
  }

  /**
   * The profile of a header: among those whose required columns it has, the most specific (the most
   * required columns); null when none matches.
   */
  public static ExportProfile detect(Set<String> header) {
    ExportProfile best = null;
    for (ExportProfile p : ALL) {
      if (p.matches(header) && (best == null || p.required().size() > best.required().size())) {
        best = p;
      }
    }
    return best;
  }

  /**
   * The profile whose required columns the header comes closest to having, in any of the profile's
   * languages, for messages.
   */
  public static ExportProfile closest(Set<String> header) {
    return ALL.stream()
        .max(Comparator.comparingDouble(p -> share(p.required(), p.columns(header))))
        .orElseThrow();
  }

  /** The required columns of {@code p} that the header lacks. */
  public static List<String> missing(ExportProfile p, Set<String> header) {
    List<String> missing = new ArrayList<>(p.required());
    missing.removeAll(p.columns(header));
    return missing;
  }

  private static double share(List<String> required, Set<String> header) {
    Set<String> present = new HashSet<>(required);
    present.retainAll(header);
    return (double) present.size() / required.size();
  }
}
