package org.megaphone.read.exports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;
import org.megaphone.model.ViewSnapshot;
import org.megaphone.read.InputException;

/** Reading one export: header search, profile recognition, rejects and counts. */
class ExportFilesTest {
  private static final String ZONE = "Europe/Helsinki";

  private final List<Post> posts = new ArrayList<>();
  private final List<ViewSnapshot> views = new ArrayList<>();
  private final List<Reject> rejects = new ArrayList<>();

  private ExportFiles.Counts parse(String name, String text, ExportProfile forced) {
    return ExportFiles.parse(
        Sources.none().describe(name, ZONE), text, forced, posts::add, views::add, rejects::add);
  }

  private static final String TWEETS =
      """
      "Tweet id","Tweet permalink","Tweet text","time","impressions","likes","replies","retweets"
      "1","https://twitter.com/VNK_fi/status/1","#koronafaktat","2020-03-23 07:30 +0000","424.0","3.0","1.0","2.0"
      "2","https://twitter.com/VNK_fi/status/2","bad","2020-03-23 07:30 +0000","10.0","12a","0","0"
      """;

  @Test
  void titleLinesBeforeTheHeaderAreSkippedAndLinesStillCountFromTheFileStart() {
    ExportFiles.Counts counts =
        parse(
            "tweet_activity_metrics_vnk_20200301_20200331_en.csv",
            "Tweet activity\n\n" + TWEETS,
            null);

    assertThat(counts.profile(), is("x-tweet-activity"));
    assertThat(posts, hasSize(1));
    assertThat(posts.get(0).getHandle(), is("vnk_fi"));
    assertThat(posts.get(0).getLikes(), is(3L));
    assertThat(views.get(0).getViews(), is(424L));
    assertThat(rejects, hasSize(1));
    assertThat(rejects.get(0).getLine(), is(5L));
    assertThat(rejects.get(0).getTable(), is("posts"));
    assertThat(rejects.get(0).getReason(), is("x-tweet-activity: not a count: likes='12a'"));
    assertThat(counts.postsRead(), is(2L));
    assertThat(counts.postsRejected(), is(1L));
    assertThat(counts.viewsRead(), is(1L));
  }

  @Test
  void withoutAnExportDateViewsAreNotUsedAndTheFileSaysSo() {
    ExportFiles.Counts counts = parse("tweets.csv", TWEETS, null);

    assertThat(views, hasSize(0));
    assertThat(counts.viewsWithoutExportDate(), is(true));
    assertThat(posts.get(0).getExportedAt() == null, is(true));
  }

  @Test
  void unrecognisedFileStopsTheRunWithTheHeaderTheClosestProfileAndTheList() {
    InputException e =
        assertThrows(
            InputException.class,
            () -> parse("mystery.csv", "Tweet id,Tweet text,when\n1,hi,today\n", null));

    assertThat(e.getMessage(), containsString("exports/mystery.csv: not a known export"));
    assertThat(e.getMessage(), containsString("header found: tweet id,tweet text,when"));
    assertThat(e.getMessage(), containsString("closest profile: x-tweet-activity"));
    assertThat(e.getMessage(), containsString("4cat"));
  }

  @Test
  void forcedProfileMustMatchTheHeader() {
    assertThrows(
        InputException.class,
        () -> parse("tweets_2020-04-01.csv", TWEETS, Profiles.named("meta-instagram")));
    parse("tweets_2020-04-01.csv", TWEETS, Profiles.named("x-tweet-activity"));
    assertThat(posts, hasSize(1));
  }

  @Test
  void youTubeChartDailyViewsBecomeRunningTotalsAtTheEndOfEachDay() {
    parse(
        "sanna/Chart data.csv",
        """
        Date,Content,Video title,Video publish time,Duration,Views
        2020-03-24,v1,Hello,"Mar 23, 2020",60,5
        2020-03-23,v1,Hello,"Mar 23, 2020",60,10
        2020-03-23,v2,Other,"Mar 23, 2020",60,0
        """,
        null);

    assertThat(
        views.stream().map(v -> v.getPostId() + "=" + v.getViews()).sorted().toList(),
        contains("v1=10", "v1=15", "v2=0"));
    assertThat(rejects, hasSize(0));
  }

  @Test
  void theTotalRowOfYouTubeTableDataIsNotARow() {
    ExportFiles.Counts counts =
        parse(
            "sanna/Table data_2020-04-30.csv",
            """
            Content,Video title,Video publish time,Duration,Views
            Total,,,,100
             -x1,Hello,"Mar 23, 2020",60,100
            """,
            null);

    assertThat(posts, hasSize(1));
    assertThat(posts.get(0).getPostId(), is("-x1"));
    assertThat(posts.get(0).getHandle(), is("sanna"));
    assertThat(counts.postsRead(), is(1L));
  }
}
