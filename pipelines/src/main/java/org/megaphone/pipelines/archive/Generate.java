package org.megaphone.pipelines.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * {@code megaphone generate}: a synthetic campaign in the contract's formats, the same bytes for
 * the same scale and seed. Scale 1 is 50 entities (40 influencers, 10 mayors) with 60 accounts, 30
 * bulletins over ten weeks from 2020-03-16 (Europe/Helsinki), 1,000 posts (3% exported again later
 * with more likes, 0.2% with an unreadable timestamp, 5% by accounts outside the roster), about 8
 * cumulative view snapshots per post and weekly follower counts. Everything else scales with N. As
 * a flat dataset ({@code posts.csv}, {@code views.csv}, …) or, with {@code --archive}, as daily
 * gzip files in dated folders ({@code 2020/04/posts-2020-04-01.csv.gz}), the configuration at the
 * top.
 */
public final class Generate {
  public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
  static final LocalDate START = LocalDate.of(2020, 3, 16);
  static final int WEEKS = 10;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final String[] PLATFORMS = {"instagram", "tiktok", "youtube", "facebook", "x"};
  private static final String[] LANGUAGES = {"fi", "sv", "en", "it"};
  private static final String[] WORDS = {
    "pese", "kädet", "turvaväli", "kotona", "yhdessä", "toivo", "solidaarisuus", "hands", "stay",
        "home",
    "together", "hope", "tvätta", "händerna", "restiamo", "a", "casa", "insieme", "volunteers",
        "delivery"
  };

  private Generate() {}

  record Account(
      String platform,
      String handle,
      String entity,
      String role,
      String language,
      long followers) {}

  /** Writes the dataset; returns the rows written per table. */
  public static Map<String, Long> write(Path out, int scale, long seed, boolean archive)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    Files.createDirectories(out);
    Map<String, Long> counts = new TreeMap<>();

    // The roster: 40 influencers and 10 mayors per unit of scale; every fifth entity has a second
    // account.
    List<Account> accounts = new ArrayList<>();
    StringBuilder roster =
        new StringBuilder(
            "platform,handle,entity_id,entity_name,role,cohort,municipality,language,followers\n");
    for (int e = 0; e < 50 * scale; e++) {
      boolean mayor = e % 5 == 4;
      String entity = (mayor ? "mayor-" : "influencer-") + e;
      String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
      int n = e % 5 == 0 ? 2 : 1;
      for (int a = 0; a < n; a++) {
        String platform = PLATFORMS[(e + a) % PLATFORMS.length];
        Account account =
            new Account(
                platform,
                entity.replace("-", "_") + (a == 0 ? "" : "_" + platform),
                entity,
                mayor ? "mayor" : "influencer",
                language,
                1000 + random.nextInt(200_000));
        accounts.add(account);
        roster
            .append(
                String.join(
                    ",",
                    platform,
                    account.handle(),
                    entity,
                    (mayor ? "Mayor " : "Influencer ") + e,
                    account.role(),
                    e % 3 == 0 ? "core" : "bulletin",
                    mayor ? "Town " + e : "",
                    language,
                    Long.toString(account.followers())))
            .append('\n');
      }
    }
    write(out.resolve("accounts.csv"), roster.toString(), false);
    counts.put("accounts", (long) accounts.size());

    // Bulletins: three a week, one language each.
    StringBuilder bulletins =
        new StringBuilder("bulletin_id,campaign,sent_at,language,audience,hashtags,links,title\n");
    List<String> tags = new ArrayList<>();
    for (int b = 0; b < 3 * WEEKS; b++) {
      ZonedDateTime sent = START.plusDays(b * 7L / 3).atTime(9, 0).atZone(ZONE);
      String tag = "cf" + b;
      tags.add(tag);
      bulletins
          .append(
              String.join(
                  ",",
                  "CF-" + b,
                  "coronafacts",
                  ISO.format(sent),
                  LANGUAGES[b % LANGUAGES.length],
                  Integer.toString(100 + random.nextInt(900)),
                  "#coronafacts #" + tag,
                  "https://example.org/coronafacts/" + b,
                  "Bulletin " + b))
          .append('\n');
    }
    write(out.resolve("bulletins.csv"), bulletins.toString(), false);
    counts.put("bulletins", (long) tags.size());

    // Posts and their view snapshots, grouped by the day of their file.
    Map<LocalDate, StringBuilder> postsByDay = new TreeMap<>();
    Map<LocalDate, StringBuilder> viewsByDay = new TreeMap<>();
    long posts = 0;
    long views = 0;
    for (int p = 0; p < 1000 * scale; p++) {
      boolean outsider = random.nextInt(100) < 5;
      Account author =
          outsider
              ? new Account(
                  PLATFORMS[random.nextInt(PLATFORMS.length)],
                  "user" + random.nextInt(500 * scale),
                  "",
                  "",
                  "",
                  0)
              : accounts.get(random.nextInt(accounts.size()));
      long day = random.nextLong(WEEKS * 7L);
      ZonedDateTime published =
          START.plusDays(day).atStartOfDay(ZONE).plusSeconds(6 * 3600 + random.nextInt(16 * 3600));
      int bulletin = (int) Math.min(tags.size() - 1, day * 3 / 7);
      boolean campaign = random.nextInt(100) < 40;
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 6; w++) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      if (campaign) {
        text.append("#coronafacts #").append(tags.get(bulletin)).append(' ');
      }
      if (random.nextInt(10) == 0) {
        text.append("@user").append(random.nextInt(500 * scale)).append(' ');
      }
      String id = author.platform().charAt(0) + String.format(Locale.ROOT, "%09d", p);
      long likes = random.nextInt(5000);
      ZonedDateTime exported = published.plusDays(1).withHour(8);
      String timestamp = random.nextInt(500) == 0 ? "yesterday" : ISO.format(published);
      String[] cells = {
        author.platform(),
        id,
        author.handle(),
        timestamp,
        text.toString().trim(),
        "https://example.org/" + author.platform() + "/" + id,
        outsider ? "" : author.language(),
        Long.toString(likes),
        Integer.toString(random.nextInt(200)),
        Integer.toString(random.nextInt(100)),
        Integer.toString(random.nextInt(50)),
        "",
        ISO.format(exported)
      };
      postsByDay
          .computeIfAbsent(exported.toLocalDate(), d -> new StringBuilder())
          .append(String.join(",", cells))
          .append('\n');
      posts++;
      if (random.nextInt(100) < 3) {
        // A later export of the same post: more likes.
        ZonedDateTime again = exported.plusDays(3);
        cells[7] = Long.toString(likes + 100);
        cells[12] = ISO.format(again);
        postsByDay
            .computeIfAbsent(again.toLocalDate(), d -> new StringBuilder())
            .append(String.join(",", cells))
            .append('\n');
        posts++;
      }
      long total = 0;
      ZonedDateTime observed = published;
      for (int s = 0; s < 4 + random.nextInt(9); s++) {
        observed = observed.plusHours(6 + random.nextInt(30));
        total += random.nextInt(2000);
        viewsByDay
            .computeIfAbsent(observed.toLocalDate(), d -> new StringBuilder())
            .append(
                String.join(",", author.platform(), id, ISO.format(observed), Long.toString(total)))
            .append('\n');
        views++;
      }
    }
    writeDaily(
        out,
        "posts",
        "platform,post_id,handle,published_at,text,url,language,likes,comments,shares,saves,followers,exported_at\n",
        postsByDay,
        archive);
    writeDaily(out, "views", "platform,post_id,observed_at,views\n", viewsByDay, archive);
    counts.put("posts", posts);
    counts.put("views", views);

    // Followers: a snapshot per account and week.
    StringBuilder followers = new StringBuilder("platform,handle,observed_at,followers\n");
    long snapshots = 0;
    for (Account a : accounts) {
      long count = a.followers();
      for (int w = 0; w <= WEEKS; w++) {
        followers
            .append(
                String.join(
                    ",",
                    a.platform(),
                    a.handle(),
                    ISO.format(START.plusWeeks(w).atTime(7, 0).atZone(ZONE)),
                    Long.toString(count)))
            .append('\n');
        count += random.nextInt(2000) - 300;
        count = Math.max(count, 0);
        snapshots++;
      }
    }
    write(out.resolve("followers.csv"), followers.toString(), false);
    counts.put("followers", snapshots);
    return counts;
  }

  private static void writeDaily(
      Path out, String table, String header, Map<LocalDate, StringBuilder> byDay, boolean archive)
      throws IOException {
    if (!archive) {
      StringBuilder all = new StringBuilder(header);
      byDay.values().forEach(all::append);
      write(out.resolve(table + ".csv"), all.toString(), false);
      return;
    }
    for (Map.Entry<LocalDate, StringBuilder> day : byDay.entrySet()) {
      LocalDate d = day.getKey();
      Path folder =
          out.resolve(String.format(Locale.ROOT, "%04d/%02d", d.getYear(), d.getMonthValue()));
      Files.createDirectories(folder);
      write(folder.resolve(table + "-" + d + ".csv.gz"), header + day.getValue(), true);
    }
  }

  private static void write(Path file, String text, boolean gzip) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (!gzip) {
      Files.write(file, bytes);
      return;
    }
    // GZIPOutputStream writes no name and a zero modification time: the bytes depend on the text
    // only.
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
      o.write(bytes);
    }
  }
}
