package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.testing.MiniDataset;

/**
 * The whole report on {@link MiniDataset}, every output file computed by hand from the contract.
 * The run happens once for the class; each test checks one file.
 */
class ReportPipelineTest {
  @TempDir static Path tmp;
  static Path out;

  @BeforeAll
  static void runReport() throws IOException {
    Path in = MiniDataset.write(tmp.resolve("in"));
    out = tmp.resolve("out");
    ReportRun.run(
        Megaphone.parse(
            new String[] {
              "--input=" + in,
              "--output=" + out,
              "--timezone=Europe/Helsinki",
              "--maxRejectRatio=0.5",
              "--stableUniqueNames=ERROR"
            }));
  }

  private static String read(String file) throws IOException {
    return Files.readString(out.resolve(file), StandardCharsets.UTF_8);
  }

  @Test
  void entitiesWeeklyCreditsPostsToTheirPublicationWeekAndViewsToTheirSnapshotWeek()
      throws IOException {
    assertThat(
        read("entities_weekly.csv"),
        equalTo(
            "week,entity_id,entity_name,role,cohort,municipality,posts,campaign_posts,likes,comments,shares,saves,engagement,views,engagement_rate\n"
                // p1 (120 / 1000 roster followers) and t1 (20 / 400 post followers): mean 0.085.
                + "2020-W13,anna,Anna Korhonen,influencer,core,,2,2,120,10,5,5,140,100,0.085000\n"
                + "2020-W14,(unattributed),(unattributed),,,,1,1,1,1,0,0,2,0,\n"
                // p1's gain of 200 on 2020-03-31; the recount down to 80 earned nothing.
                + "2020-W14,anna,Anna Korhonen,influencer,core,,0,0,0,0,0,0,0,200,\n"
                + "2020-W14,city,City Hall,government,,,1,0,3,0,0,0,3,0,\n"
                // v1: the host's video names the mayor's alias without diacritics.
                + "2020-W14,mayor-e,Eero Mäkinen,mayor,core,Espoo,1,0,5,0,0,0,5,1000,0.001000\n"
                + "2020-W15,mayor-e,Eero Mäkinen,mayor,core,Espoo,0,0,0,0,0,0,0,500,\n"));
  }

  @Test
  void platformsWeeklyUsesThePostLanguageElseTheAuthorsElseEmpty() throws IOException {
    assertThat(
        read("platforms_weekly.csv"),
        equalTo(
            """
            week,platform,language,posts,campaign_posts,engagement,views
            2020-W13,instagram,fi,1,1,120,100
            2020-W13,tiktok,sv,1,1,20,0
            2020-W14,instagram,,2,1,5,0
            2020-W14,instagram,fi,0,0,0,200
            2020-W14,youtube,fi,1,0,5,1000
            2020-W15,youtube,fi,0,0,0,500
            """));
  }

  @Test
  void bulletinUptakeCountsAdoptingEntitiesNotUnattributedPosts() throws IOException {
    assertThat(
        read("bulletin_uptake.csv"),
        equalTo(
            "bulletin_id,campaign,language,sent_at,audience,adopters,uptake_rate,posts,engagement,views,median_hours_to_post\n"
                // anna's first post p1 came 3 hours after B1 was sent; t1 matched by link.
                + "B1,coronafacts,fi,2020-03-23T09:00:00+02:00,10,1,0.100000,2,140,300,3.000000\n"
                // x2 falls in both windows, has no language: the later bulletin wins.
                + "B2,coronafacts,sv,2020-03-24T09:00:00+02:00,4,0,0.000000,1,2,0,\n"));
  }

  @Test
  void channelGrowthComparesTheLastSnapshotsBeforeTheWeekStartAndEnd() throws IOException {
    assertThat(
        read("channel_growth.csv"),
        equalTo(
            """
            week,platform,handle,followers_start,followers_end,gained
            2020-W12,youtube,cityhall,,4900,
            2020-W13,youtube,cityhall,4900,5000,100
            2020-W14,youtube,cityhall,5000,4990,-10
            """));
  }

  @Test
  void postsAttributedStatesEntityReasonCampaignAndBulletinOfEachPost() throws IOException {
    assertThat(
        read("posts_attributed.csv"),
        equalTo(
            """
            platform,post_id,week,handle,entity_id,reason,campaign,bulletin_id,engagement,views,themes
            instagram,p1,2020-W13,anna_k,anna,author,true,B1,120,300,health_guidance
            instagram,x1,2020-W14,stranger,city,override,false,,3,0,
            instagram,x2,2020-W14,stranger,(unattributed),none,true,B2,2,0,
            tiktok,t1,2020-W13,anna.k,anna,author,true,B1,20,0,
            youtube,v1,2020-W14,cityhall,mayor-e,hosted-mention,false,,5,1500,
            """));
  }

  @Test
  void themesWeeklyCountsAThemedPostInItsWeekAndItsViewsInTheirs() throws IOException {
    // p1 "Pese kädet!" (Finnish, from anna's roster language) is health guidance; its views are
    // credited 100 in W13 and 200 in W14, as in platforms_weekly.
    assertThat(
        read("themes_weekly.csv"),
        equalTo(
            """
            week,theme,role,posts,engagement,views
            2020-W13,health_guidance,influencer,1,120,100
            2020-W14,health_guidance,influencer,0,0,200
            """));
  }

  @Test
  void claimsWeeklyPutsTheSpreadAndTheCampaignsAnswerSideBySide() throws IOException {
    assertThat(
        read("claims_weekly.csv"),
        equalTo(
            "week,claim_id,platform,posts,engagement,views,counter_posts,counter_engagement,coverage\n"
                // p1 is a campaign post: an answer where nothing spread, so no coverage.
                + "2020-W13,hands,instagram,0,0,0,1,120,\n"
                + "2020-W13,thl-fake,tiktok,0,0,0,1,20,\n"
                // v1 is not a campaign post: the spread, with the views credited to it each week.
                + "2020-W14,hands,youtube,1,5,1000,0,0,0.000000\n"
                // x1 spreads (3), x2 (a campaign post) answers on the same platform that week (2).
                + "2020-W14,thanks,instagram,1,3,0,1,2,0.666667\n"
                + "2020-W15,hands,youtube,0,0,500,0,0,\n"));
  }

  @Test
  void topPostsNeedThreeEarlierPostsOfTheSameAccount() throws IOException {
    assertThat(
        read("top_posts_weekly.csv"),
        equalTo(
            "week,rank,platform,post_id,handle,entity_id,engagement,baseline,overperformance,url\n"));
  }

  @Test
  void rejectsKeepFileLineReasonAndGuardedRawRecord() throws IOException {
    assertThat(
        read("rejects.csv"),
        equalTo(
            "file,line,table,reason,record\n"
                + "overrides.csv,3,overrides,unknown entity_id: entity_id='nobody',\"instagram,x2,nobody\"\n"
                // The quoted caption of v1 spans lines 4 and 5, so the bad row is on line 8.
                + "posts.csv,8,posts,unparseable timestamp: published_at='yesterday',\"instagram,bad1,anna_k,yesterday,x,,,1,,,,,\"\n"
                + "views.csv,9,views,unknown platform: platform='=1+1',\"'=1+1,p9,2020-03-30,5\"\n"));
  }

  @Test
  void summaryStatesCountsPerTableTotalsOrphansAndConservation() throws IOException {
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    JsonNode tables = s.get("inputs").get("tables");
    assertThat(
        tables.get("posts").toString(),
        equalTo("{\"read\":7,\"accepted\":5,\"rejected\":1,\"duplicates\":1}"));
    assertThat(
        tables.get("views").toString(),
        equalTo("{\"read\":8,\"accepted\":6,\"rejected\":1,\"duplicates\":1}"));
    assertThat(
        tables.get("accounts").toString(),
        equalTo("{\"read\":4,\"accepted\":4,\"rejected\":0,\"duplicates\":0}"));
    assertThat(
        tables.get("overrides").toString(),
        equalTo("{\"read\":2,\"accepted\":1,\"rejected\":1,\"duplicates\":0}"));
    assertThat(
        tables.get("followers").toString(),
        equalTo("{\"read\":4,\"accepted\":4,\"rejected\":0,\"duplicates\":0}"));
    assertThat(s.get("totals").get("engagement").asLong(), equalTo(150L));
    assertThat(s.get("totals").get("views_credited").asLong(), equalTo(1800L));
    assertThat(s.get("orphan_views").get("views").asLong(), equalTo(70L));
    assertThat(s.get("orphan_views").get("posts").asLong(), equalTo(1L));
    assertThat(s.get("conservation").get("ok").asBoolean(), equalTo(true));
    assertThat(s.get("inputs").get("files").size(), equalTo(8)); // claims.csv included
  }

  @Test
  void outputFolderHoldsOnlyTheReportsThePageAndTheSummary() throws IOException {
    try (var files = Files.list(out)) {
      assertThat(
          files.map(f -> f.getFileName().toString()).sorted().toList(),
          equalTo(
              List.of(
                  "bulletin_uptake.csv",
                  "channel_growth.csv",
                  "claims_weekly.csv",
                  "entities_weekly.csv",
                  "platforms_weekly.csv",
                  "posts_attributed.csv",
                  "rejects.csv",
                  "report.html",
                  "summary.json",
                  "themes_weekly.csv",
                  "top_posts_weekly.csv")));
    }
  }
}
