package org.megaphone.testing;

import java.time.Instant;
import java.util.List;
import org.megaphone.model.Account;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Post;
import org.megaphone.model.SourceRef;
import org.megaphone.model.ViewSnapshot;

/** Small builders for test rows, so each test states only what it is about. */
public final class Fixtures {
  private Fixtures() {}

  public static long at(String isoInstant) {
    return Instant.parse(isoInstant).toEpochMilli();
  }

  public static SourceRef src(String file, long line, String raw) {
    return SourceRef.create(file, line, raw);
  }

  public static Post post(
      String platform,
      String id,
      String handle,
      String publishedAt,
      long likes,
      Long exportedAt,
      String raw) {
    return Post.create(
        platform,
        id,
        handle,
        at(publishedAt),
        null,
        null,
        null,
        likes,
        0,
        0,
        0,
        null,
        exportedAt,
        src("posts.csv", 2, raw));
  }

  public static Post post(
      String platform, String id, String handle, String publishedAt, String text) {
    return Post.create(
        platform,
        id,
        handle,
        at(publishedAt),
        text,
        null,
        null,
        1,
        0,
        0,
        0,
        null,
        null,
        src("posts.csv", 2, id));
  }

  public static ViewSnapshot views(String platform, String id, String observedAt, long views) {
    return ViewSnapshot.create(platform, id, at(observedAt), views);
  }

  public static Account account(
      String platform, String handle, String entity, String role, long line) {
    return Account.create(
        platform,
        handle,
        entity,
        null,
        role,
        null,
        null,
        null,
        null,
        List.of(),
        false,
        src("accounts.csv", line, platform + "," + handle));
  }

  public static AttributedPost attributed(
      String platform, String id, String week, String entity, long likes, Long followers) {
    return AttributedPost.create(
        platform,
        id,
        id,
        at("2020-03-23T10:00:00Z"),
        week,
        entity,
        "author",
        false,
        null,
        "fi",
        likes,
        0,
        0,
        0,
        followers,
        0L,
        null,
        id,
        src("posts.csv", 2, ""),
        null,
        null,
        List.of(),
        List.of());
  }
}
