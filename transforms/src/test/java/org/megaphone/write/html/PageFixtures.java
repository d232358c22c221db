package org.megaphone.write.html;

import java.util.ArrayList;
import java.util.List;
import org.megaphone.write.html.ReportTables.BulletinRow;
import org.megaphone.write.html.ReportTables.ChannelWeek;
import org.megaphone.write.html.ReportTables.ClaimWeek;
import org.megaphone.write.html.ReportTables.EntityWeek;
import org.megaphone.write.html.ReportTables.PlatformWeek;
import org.megaphone.write.html.ReportTables.RejectGroup;
import org.megaphone.write.html.ReportTables.Rejects;
import org.megaphone.write.html.ReportTables.ThemeWeek;
import org.megaphone.write.html.ReportTables.TopPostRow;

/**
 * Reports that fill every section of the page and take most of its branches: gaps between weeks,
 * more than ten entities of a role, bulletins with and without a rate or a language, a platform
 * without posts in a language, a theme outside the period, a claim nobody answered, a post with a
 * link and one without, more channels than are drawn, more reject reasons than are listed, and text
 * from the data that tries to become markup or reverse the page.
 */
final class PageFixtures {
  static final HtmlReport.Run RUN =
      new HtmlReport.Run("testdata/<demo>", "Europe/Helsinki", "rejects.csv");
  static final HtmlReport.Quality QUALITY =
      new HtmlReport.Quality(
          List.of(
              new HtmlReport.TableCounts("posts", 10, 7, 2, 1),
              new HtmlReport.TableCounts("views", 40, 40, 0, 0)),
          1,
          2,
          300);
  private static final List<String> HOSTILE =
      List.of(
          "<script>alert(1)</script>",
          "\"><img src=x>",
          "\u202Eevil\u202C شكرا תודה 💛",
          "x".repeat(500),
          "a_b");

  private PageFixtures() {}

  static ReportTables everySection() {
    List<EntityWeek> entities = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      String week = i % 3 == 0 ? "2020-W12" : "2020-W15";
      entities.add(
          new EntityWeek(
              week,
              "inf" + i,
              "Influencer " + i,
              "influencer",
              "core",
              "",
              1 + i % 2,
              i % 2,
              100L * i,
              1_000L * i));
    }
    for (int i = 0; i < HOSTILE.size(); i++) {
      String h = HOSTILE.get(i);
      entities.add(new EntityWeek("2020-W13", "mayor" + i, h, "mayor", h, h, 1, 1, 10 + i, 5));
    }
    entities.add(
        new EntityWeek("2020-W14", "gov", "Government", "government", "", "", 2, 2, 40, 400));
    entities.add(new EntityWeek("2020-W14", "(unattributed)", "", "", "", "", 3, 0, 7, 70_000_000));
    List<BulletinRow> bulletins =
        List.of(
            new BulletinRow(
                "CF-2",
                "coronafacts",
                "fi",
                "2020-03-20T09:00:00+02:00",
                200L,
                10,
                0.05,
                10,
                100,
                1000,
                3.25),
            new BulletinRow(
                "CF-1",
                "coronafacts",
                "fi",
                "2020-03-16T09:00:00+02:00",
                null,
                4,
                null,
                4,
                40,
                400,
                null),
            new BulletinRow(
                HOSTILE.get(0), "coronafacts", "", "2020-03-18", 50L, 5, 0.1, 5, 50, 500, 1.5),
            new BulletinRow(
                "CF-0",
                "coronafacts",
                HOSTILE.get(2),
                "2020-03-16T09:00:00+02:00",
                10L,
                1,
                0.123456,
                1,
                10,
                100,
                2.0));
    List<PlatformWeek> platforms =
        List.of(
            new PlatformWeek("2020-W12", "instagram", "fi", 3, 3, 30, 0),
            new PlatformWeek("2020-W13", "instagram", "fi", 4, 0, 40, 0),
            new PlatformWeek("2020-W13", "tiktok", "", 1, 0, 5, 0),
            new PlatformWeek("2020-W13", HOSTILE.get(1), HOSTILE.get(0), 2, 1, 1_234_567, 9));
    List<ChannelWeek> channels = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      channels.add(
          new ChannelWeek(
              "2020-W12", "instagram", "c" + i, null, i == 3 ? null : 1_000L * i, null));
      channels.add(
          new ChannelWeek("2020-W14", "instagram", "c" + i, 1_000L * i, 900L * i, -100L * i));
    }
    channels.add(new ChannelWeek("2020-W13", "youtube", HOSTILE.get(2), 15_000L, 16_074L, 1_074L));
    List<RejectGroup> rejects = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      rejects.add(
          new RejectGroup(
              i % 2 == 0 ? "posts" : "views",
              HOSTILE.get(i % HOSTILE.size()) + i,
              1 + i % 4,
              "posts.csv",
              2 + i));
    }
    List<ThemeWeek> themes =
        List.of(
            new ThemeWeek("2020-W12", "stay_home", "mayor", 1, 10, 100),
            new ThemeWeek("2020-W13", "stay_home", "mayor", 2, 20, 200),
            new ThemeWeek("2020-W13", "stay_home", "", 1, 40, 0),
            new ThemeWeek("2020-W20", HOSTILE.get(0), "influencer", 1, 30, 0));
    List<ClaimWeek> claims =
        List.of(
            new ClaimWeek("2020-W13", "5g", "instagram", 2, 100, 1000, 1, 20),
            new ClaimWeek("2020-W14", "5g", "instagram", 1, 100, 0, 0, 0),
            new ClaimWeek("2020-W14", HOSTILE.get(2), "tiktok", 0, 0, 0, 1, 7));
    List<TopPostRow> topPosts = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      topPosts.add(
          new TopPostRow(
              "2020-W1" + (2 + i % 3),
              1 + i,
              "instagram",
              "post" + i,
              "anna" + i,
              "inf" + i,
              100 + i,
              "20.000000",
              (3 + i % 5) + ".123456",
              i % 2 == 0 ? "https://instagram.com/p/" + i : "javascript:alert(" + i + ")"));
    }
    return new ReportTables(
        entities,
        bulletins,
        platforms,
        channels,
        new Rejects(50, rejects),
        themes,
        claims,
        topPosts);
  }
}
