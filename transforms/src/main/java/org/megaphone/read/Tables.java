package org.megaphone.read;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.megaphone.model.Account;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Bulletin;
import org.megaphone.model.FollowerSnapshot;
import org.megaphone.model.Post;
import org.megaphone.model.SourceRef;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.rules.Hashtags;
import org.megaphone.rules.Links;

/** The six tables of contract section 2, each a column list and a row rule. */
public final class Tables {
  public static final List<String> ROLES =
      List.of("influencer", "mayor", "government", "organisation");

  private Tables() {}

  public static Table<Account> accounts() {
    return new Accounts();
  }

  public static Table<Post> posts(String zoneId) {
    return new Posts(zoneId);
  }

  public static Table<ViewSnapshot> views(String zoneId) {
    return new Views(zoneId);
  }

  public static Table<Bulletin> bulletins(String zoneId) {
    return new Bulletins(zoneId);
  }

  public static Table<FollowerSnapshot> followers(String zoneId) {
    return new Followers(zoneId);
  }

  public static Table<AttributionOverride> overrides() {
    return new Overrides();
  }

  private static final class Accounts implements Table<Account> {
    @Override
    public Class<Account> type() {
      return Account.class;
    }

    @Override
    public String name() {
      return "accounts";
    }

    @Override
    public List<String> requiredColumns() {
      return List.of("platform", "handle", "entity_id", "role");
    }

    @Override
    public Account parse(Row row, SourceRef source) {
      // Fields are checked in the table's column order, so the reason is the first problem.
      String platform = row.platform("platform");
      String handle = row.handle("handle");
      String entityId = row.required("entity_id");
      String role = row.required("role").toLowerCase(Locale.ROOT);
      if (!ROLES.contains(role)) {
        throw new RowRejected("unknown role: role='" + row.required("role") + "'");
      }
      String host = row.optional("host");
      List<String> aliases = new ArrayList<>();
      String aliasCell = row.optional("aliases");
      if (aliasCell != null) {
        Arrays.stream(aliasCell.split("\\|"))
            .map(String::trim)
            .filter(a -> !a.isEmpty())
            .forEach(aliases::add);
      }
      return Account.create(
          platform,
          handle,
          entityId,
          row.optional("entity_name"),
          role,
          row.optional("cohort"),
          row.optional("municipality"),
          row.language("language"),
          row.optionalCount("followers"),
          aliases,
          host != null && host.equalsIgnoreCase("yes"),
          source);
    }
  }

  private static final class Posts implements Table<Post> {
    private final String zoneId;

    Posts(String zoneId) {
      this.zoneId = zoneId;
    }

    @Override
    public Class<Post> type() {
      return Post.class;
    }

    @Override
    public String name() {
      return "posts";
    }

    @Override
    public List<String> requiredColumns() {
      return List.of("platform", "post_id", "handle", "published_at");
    }

    @Override
    public Long eventTime(Post row) {
      return row.getPublishedAt();
    }

    @Override
    public Post parse(Row row, SourceRef source) {
      ZoneId zone = ZoneId.of(zoneId);
      return Post.create(
          row.platform("platform"),
          row.required("post_id"),
          row.handle("handle"),
          row.timestamp("published_at", zone),
          row.optional("text"),
          row.optional("url"),
          row.language("language"),
          row.countOrZero("likes"),
          row.countOrZero("comments"),
          row.countOrZero("shares"),
          row.countOrZero("saves"),
          row.optionalCount("followers"),
          row.optionalTimestamp("exported_at", zone),
          source);
    }
  }

  private static final class Views implements Table<ViewSnapshot> {
    private final String zoneId;

    Views(String zoneId) {
      this.zoneId = zoneId;
    }

    @Override
    public Class<ViewSnapshot> type() {
      return ViewSnapshot.class;
    }

    @Override
    public String name() {
      return "views";
    }

    @Override
    public List<String> requiredColumns() {
      return List.of("platform", "post_id", "observed_at", "views");
    }

    @Override
    public Long eventTime(ViewSnapshot row) {
      return row.getObservedAt();
    }

    @Override
    public ViewSnapshot parse(Row row, SourceRef source) {
      return ViewSnapshot.create(
          row.platform("platform"),
          row.required("post_id"),
          row.timestamp("observed_at", ZoneId.of(zoneId)),
          row.count("views"));
    }
  }

  private static final class Bulletins implements Table<Bulletin> {
    private final String zoneId;

    Bulletins(String zoneId) {
      this.zoneId = zoneId;
    }

    @Override
    public Class<Bulletin> type() {
      return Bulletin.class;
    }

    @Override
    public String name() {
      return "bulletins";
    }

    @Override
    public List<String> requiredColumns() {
      return List.of("bulletin_id", "sent_at");
    }

    @Override
    public Bulletin parse(Row row, SourceRef source) {
      return Bulletin.create(
          row.required("bulletin_id"),
          row.optional("campaign"),
          row.timestamp("sent_at", ZoneId.of(zoneId)),
          row.language("language"),
          row.optionalCount("audience"),
          new ArrayList<>(Hashtags.inList(row.optional("hashtags"))),
          new ArrayList<>(Links.inList(row.optional("links"))),
          row.optional("title"),
          source);
    }
  }

  private static final class Followers implements Table<FollowerSnapshot> {
    private final String zoneId;

    Followers(String zoneId) {
      this.zoneId = zoneId;
    }

    @Override
    public Class<FollowerSnapshot> type() {
      return FollowerSnapshot.class;
    }

    @Override
    public String name() {
      return "followers";
    }

    @Override
    public List<String> requiredColumns() {
      return List.of("platform", "handle", "observed_at", "followers");
    }

    @Override
    public FollowerSnapshot parse(Row row, SourceRef source) {
      return FollowerSnapshot.create(
          row.platform("platform"),
          row.handle("handle"),
          row.timestamp("observed_at", ZoneId.of(zoneId)),
          row.count("followers"));
    }
  }

  private static final class Overrides implements Table<AttributionOverride> {
    @Override
    public Class<AttributionOverride> type() {
      return AttributionOverride.class;
    }

    @Override
    public String name() {
      return "overrides";
    }

    @Override
    public List<String> requiredColumns() {
      return List.of("platform", "post_id", "entity_id");
    }

    @Override
    public AttributionOverride parse(Row row, SourceRef source) {
      return AttributionOverride.create(
          row.platform("platform"), row.required("post_id"), row.required("entity_id"), source);
    }
  }
}
