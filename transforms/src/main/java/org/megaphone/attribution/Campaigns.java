package org.megaphone.attribution;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.megaphone.model.Bulletin;
import org.megaphone.rules.CodePoints;
import org.megaphone.rules.Hashtags;
import org.megaphone.rules.Links;

/**
 * Contract section 4, Campaign post and Bulletin attribution: which posts carry the campaign, and
 * which bulletin each one answers. Immutable; used as a side input.
 */
public final class Campaigns implements Serializable {
  private final Map<String, List<Bulletin>> bulletinsByTag = new HashMap<>();
  private final Map<String, List<Bulletin>> bulletinsByLink = new HashMap<>();
  private final Set<String> campaignTags = new HashSet<>();
  private final long windowMillis;

  /** What it was built from: its identity. */
  private final List<Object> identity;

  /** What a post carries that campaigns are recognised by. */
  public record Marks(Set<String> hashtags, Set<String> links) {
    /** The hashtags of the text; the links of the url cell and of the text, normalised. */
    public static Marks of(String text, String url) {
      Set<String> links = new LinkedHashSet<>();
      if (url != null && !url.isBlank()) {
        links.add(Links.normalise(url));
      }
      links.addAll(Links.inText(text));
      return new Marks(Hashtags.inText(text), links);
    }
  }

  /**
   * @param bulletins de-duplicated bulletins
   * @param extraTags the --campaignTags, folded, without '#'
   * @param windowMillis the --bulletinWindow as a fixed duration
   */
  public Campaigns(List<Bulletin> bulletins, Set<String> extraTags, long windowMillis) {
    this.windowMillis = windowMillis;
    this.identity =
        List.of(List.copyOf(bulletins), List.copyOf(new TreeSet<>(extraTags)), windowMillis);
    campaignTags.addAll(extraTags);
    for (Bulletin b : bulletins) {
      for (String tag : b.getHashtags()) {
        bulletinsByTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(b);
        campaignTags.add(tag);
      }
      for (String link : b.getLinks()) {
        bulletinsByLink.computeIfAbsent(link, l -> new ArrayList<>()).add(b);
      }
    }
  }

  /**
   * The campaigns of the de-duplicated bulletins and the options as given: --campaignTags split as
   * bulletin hashtags are (D15), --bulletinWindow an ISO-8601 duration added to the instant.
   *
   * @param campaignTags comma-separated extra campaign hashtags, '#' optional
   * @param bulletinWindow an ISO-8601 duration such as P7D
   */
  public static Campaigns of(List<Bulletin> bulletins, String campaignTags, String bulletinWindow) {
    return new Campaigns(
        bulletins, Hashtags.inList(campaignTags), Duration.parse(bulletinWindow).toMillis());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Campaigns other && other.identity.equals(identity);
  }

  @Override
  public int hashCode() {
    return identity.hashCode();
  }

  /** A campaign post carries a bulletin's or a --campaignTags hashtag, or a bulletin's link. */
  public boolean isCampaign(Marks marks) {
    for (String tag : marks.hashtags()) {
      if (campaignTags.contains(tag)) {
        return true;
      }
    }
    for (String link : marks.links()) {
      if (bulletinsByLink.containsKey(link)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The bulletin a post is credited to: among the bulletins it shares a hashtag or link with and
   * whose window {@code [sent_at, sent_at + window)} holds its publication, prefer the post's
   * language, then the latest sent_at, then the smallest bulletin_id. Null when none.
   */
  public Bulletin bulletinFor(Marks marks, long publishedAt, String language) {
    Set<Bulletin> matching = new LinkedHashSet<>();
    for (String tag : marks.hashtags()) {
      matching.addAll(bulletinsByTag.getOrDefault(tag, List.of()));
    }
    for (String link : marks.links()) {
      matching.addAll(bulletinsByLink.getOrDefault(link, List.of()));
    }
    Comparator<Bulletin> preference =
        Comparator.comparing((Bulletin b) -> language != null && language.equals(b.getLanguage()))
            .thenComparingLong(Bulletin::getSentAt)
            .thenComparing(Bulletin::getBulletinId, CodePoints.ORDER.reversed());
    Bulletin best = null;
    for (Bulletin b : matching) {
      if (b.getSentAt() <= publishedAt && publishedAt < b.getSentAt() + windowMillis) {
        if (best == null || preference.compare(b, best) > 0) {
          best = b;
        }
      }
    }
    return best;
  }
}
