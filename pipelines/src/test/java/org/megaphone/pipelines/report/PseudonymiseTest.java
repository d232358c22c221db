package org.megaphone.pipelines.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.pipelines.cli.Megaphone;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.reports.Report;

/** --pseudonymise: private accounts become keyed hashes everywhere; roster accounts stay named. */
class PseudonymiseTest {
  private static final String SALT = "correct horse battery staple 2020";
  @TempDir Path tmp;
  private Path in;

  @BeforeEach
  void dataset() throws IOException {
    in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(
        in.resolve("accounts.csv"),
        "platform,handle,entity_id,entity_name,role\ninstagram,anna_k,anna,Anna,influencer\n");
    Files.writeString(
        in.resolve("posts.csv"),
        """
        platform,post_id,handle,published_at,text,likes,url
        instagram,anna-post-1,anna_k,2020-04-01T10:00:00+03:00,thanks @jane_doe and @anna_k #coronafacts,10,
        instagram,jane-post-77,jane_doe,2020-04-02T10:00:00+03:00,hello @anna_k from @jane_doe,5,
        instagram,jane-post-78,jane_doe,yesterday,a broken row by @jane_doe,1,
        instagram,anna-post-2,anna_k,2020-04-03T10:00:00+03:00,more,1,
        instagram,jane-post-79,jane_doe,2020-04-04T10:00:00+03:00,again,2,
        instagram,anna-post-3,anna_k,2020-04-05T10:00:00+03:00,more,1,
        instagram,jane-post-80,jane_doe,2020-04-06T10:00:00+03:00,later,3,
        instagram,jane-post-81,jane_doe,2020-04-07T10:00:00+03:00,a hit,50,https://instagram.com/jane_doe/p/jane-post-81
        instagram,anna-post-4,anna_k,2020-04-08T10:00:00+03:00,a hit,40,https://instagram.com/anna_k/p/anna-post-4
        """);
    Files.writeString(
        in.resolve("views.csv"),
        "platform,post_id,observed_at,views\ninstagram,jane-post-77,2020-04-03T10:00:00+03:00,100\ninstagram,anna-post-1,2020-04-03T10:00:00+03:00,300\n");
    Files.writeString(
        in.resolve("followers.csv"),
        "platform,handle,observed_at,followers\ninstagram,jane_doe,2020-04-01T10:00:00+03:00,50\ninstagram,anna_k,2020-04-01T10:00:00+03:00,5000\n");
  }

  private Path run(String name, String salt) throws IOException {
    Path saltFile = tmp.resolve(name + ".salt");
    Files.writeString(saltFile, salt + "\n");
    return ReportRun.run(
            Megaphone.parse(
                new String[] {
                  "--input=" + in,
                  "--output=" + tmp.resolve(name),
                  "--timezone=Europe/Helsinki",
                  "--maxRejectRatio=0.5",
                  "--pseudonymise=true",
                  "--saltFile=" + saltFile
                }))
        .output();
  }

  private static String everything(Path folder) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        all.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  @Test
  void noPrivateHandleOrPostIdAppearsInAnyOutputAndRosterNamesStay() throws IOException {
    String out = everything(run("a", SALT));
    for (String secret :
        List.of("jane_doe", "jane-post-77", "jane-post-78", "jane-post-79", "jane-post-81", SALT)) {
      assertThat(out, not(containsString(secret)));
    }
    assertThat(out, containsString("anna_k"));
    assertThat(out, containsString("anna-post-1"));
    assertThat(
        Files.readString(tmp.resolve("a").resolve("channel_growth.csv")), containsString(",p-"));
    // Top posts: jane's hit is there, under a pseudonym and without its link; anna's keeps hers.
    String top = Files.readString(tmp.resolve("a").resolve("top_posts_weekly.csv"));
    assertThat(top, containsString(",50,3.000000,16.666667,\n"));
    assertThat(
        top,
        containsString(
            ",anna_k,anna,40,1.000000,40.000000,https://instagram.com/anna_k/p/anna-post-4\n"));
  }

  @Test
  void theSameSaltGivesTheSamePseudonymsAndAnotherSaltOthers() throws IOException {
    Path a = run("a", SALT);
    Path b = run("b", SALT);
    Path c = run("c", "another secret of some length");
    for (String report : Report.files()) {
      assertThat(
          report,
          Files.readString(b.resolve(report)),
          equalTo(Files.readString(a.resolve(report))));
    }
    assertThat(
        Files.readString(c.resolve("posts_attributed.csv")),
        not(equalTo(Files.readString(a.resolve("posts_attributed.csv")))));
  }

  @Test
  void aMissingOrShortSaltIsAUsageError() throws IOException {
    Files.writeString(tmp.resolve("short.salt"), "abc");
    for (String salt :
        List.of(
            "--saltFile=" + tmp.resolve("short.salt"),
            "--saltFile=" + tmp.resolve("none.salt"),
            "--saltFile=")) {
      Assertions.assertThrows(
          UsageException.class,
          () ->
              ReportRun.run(
                  Megaphone.parse(
                      new String[] {
                        "--input=" + in, "--output=" + tmp.resolve("x"), "--pseudonymise=true", salt
                      })));
    }
  }
}
