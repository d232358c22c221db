package org.megaphone.content;

import java.io.Serializable;
import java.util.List;

/**
 * What a post says, as the reports need it: its themes (the lexicon) and the claims it carries (the
 * dataset's claims). Read when the job is built and carried as a value.
 */
public final class Content implements Serializable {
  /** No themes and no claims: for jobs and tests that do not look at content. */
  public static final Content NONE =
      new Content(Lexicon.parse("theme,language,phrases\n", "none"), Claims.NONE);

  private final Lexicon lexicon;
  private final Claims claims;

  public Content(Lexicon lexicon, Claims claims) {
    this.lexicon = lexicon;
    this.claims = claims;
  }

  public List<String> themes(String text, String language) {
    return List.copyOf(lexicon.themes(text, language));
  }

  public List<String> claims(String text, String url) {
    return List.copyOf(claims.carried(text, url));
  }

  public Claims claimList() {
    return claims;
  }
}
