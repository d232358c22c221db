package org.megaphone.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract section 2, Platforms: five platforms, three aliases, case-insensitive. */
class PlatformsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "instagram, instagram",
    "Instagram, instagram",
    "INSTAGRAM, instagram",
    "ig, instagram",
    "IG, instagram",
    "tiktok, tiktok",
    "TikTok, tiktok",
    "youtube, youtube",
    "YouTube, youtube",
    "yt, youtube",
    "YT, youtube",
    "facebook, facebook",
    "Facebook, facebook",
    "x, x",
    "X, x",
    "twitter, x",
    "Twitter, x",
    "'  yt  ', youtube"
  })
  void knownNamesAndAliasesGiveTheCanonicalPlatform(String value, String canonical) {
    assertThat(Platforms.canonical(value), is(Optional.of(canonical)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"myspace", "fb", "tw", "insta", "tik tok", "", " ", "x.com"})
  void anyOtherValueNamesNoPlatform(String value) {
    assertThat(Platforms.canonical(value), is(Optional.empty()));
  }
}
