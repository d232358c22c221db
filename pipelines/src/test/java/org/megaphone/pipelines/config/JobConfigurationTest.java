package org.megaphone.pipelines.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaphone.model.PostKeys;
import org.megaphone.model.Reject;
import org.megaphone.pipelines.options.StreamOptions;

/** The stream reads its configuration when it is built, with the report job's rules. */
class JobConfigurationTest {
  @TempDir Path in;

  private JobConfiguration read() {
    return JobConfiguration.read(
        PipelineOptionsFactory.fromArgs("--input=" + in, "--output=" + in.resolve("live"))
            .as(StreamOptions.class));
  }

  private void accounts() throws IOException {
    Files.writeString(
        in.resolve("accounts.csv"),
        "platform,handle,entity_id,entity_name,role\ninstagram,anna_k,anna,Anna,influencer\ninstagram,bo_s,bo,Bo,influencer\n");
  }

  @Test
  void overridesOfUnknownEntitiesAreRejectedAndTheGreatestRawRecordWinsPerPost()
      throws IOException {
    accounts();
    Files.writeString(
        in.resolve("overrides.csv"),
        "platform,post_id,entity_id\ninstagram,p1,anna\ninstagram,p1,bo\ninstagram,p2,nobody\nmyspace,p3,anna\n");
    JobConfiguration config = read();
    assertThat(config.overrides(), equalTo(Map.of(PostKeys.of("instagram", "p1"), "bo")));
    List<String> reasons =
        config.rejects().stream()
            .map(r -> r.getFile() + ":" + r.getLine() + " " + r.getReason())
            .sorted()
            .toList();
    assertThat(reasons.size(), equalTo(2));
    assertThat(
        reasons.get(0), containsString("overrides.csv:4 unknown entity_id: entity_id='nobody'"));
    assertThat(reasons.get(1), containsString("overrides.csv:5 unknown platform"));
  }

  @Test
  void theRosterAndCampaignsComeFromTheFolderAndMissingTablesAreEmpty() throws IOException {
    accounts();
    JobConfiguration config = read();
    assertThat(config.roster().hasEntity("anna"), equalTo(true));
    assertThat(config.roster().hasEntity("nobody"), equalTo(false));
    assertThat(config.overrides(), equalTo(Map.of()));
    assertThat(config.rejects(), equalTo(List.<Reject>of()));
  }

  @Test
  void aRepeatedHandleInTheRosterStopsTheStreamBeforeItStarts() throws IOException {
    accounts();
    Files.writeString(
        in.resolve("accounts_more.csv"),
        "platform,handle,entity_id,role\nig,@ANNA_K,someone,influencer\n");
    RuntimeException e = assertThrows(RuntimeException.class, this::read);
    assertThat(e.getMessage(), containsString("duplicate account instagram @anna_k"));
  }
}
