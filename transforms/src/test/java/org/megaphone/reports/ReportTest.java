package org.megaphone.reports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each report defined once (contract section 5): its file, header, key and week columns. */
class ReportTest {
  @Test
  void theReportsAreTheContractsNineFilesInTheOrderSummaryJsonListsThem() {
    assertThat(
        Report.files(),
        equalTo(
            List.of(
                "entities_weekly.csv",
                "bulletin_uptake.csv",
                "platforms_weekly.csv",
                "channel_growth.csv",
                "posts_attributed.csv",
                "rejects.csv",
                "themes_weekly.csv",
                "claims_weekly.csv",
                "top_posts_weekly.csv")));
  }

  @Test
  void aFileOfEitherFormatNamesItsReportAndNoOtherFileDoes() {
    assertThat(Report.ofFile("claims_weekly.csv"), equalTo(Report.CLAIMS_WEEKLY));
    assertThat(Report.ofFile("claims_weekly.jsonl"), equalTo(Report.CLAIMS_WEEKLY));
    assertThat(Report.CLAIMS_WEEKLY.file("jsonl"), equalTo("claims_weekly.jsonl"));
    assertThat(Report.ofFile("summary.json"), nullValue());
    assertThat(Report.ofFile("_stats.csv"), nullValue());
  }

  @Test
  void keyColumnsStartTheHeaderAndTheWeekColumnIsInItExceptForRejects() {
    assertThat(Report.ENTITIES_WEEKLY.keyColumns(), equalTo(List.of("week", "entity_id")));
    assertThat(
        Report.PLATFORMS_WEEKLY.keyColumns(), equalTo(List.of("week", "platform", "language")));
    assertThat(Report.POSTS_ATTRIBUTED.keyColumns(), equalTo(List.of("platform", "post_id")));
    assertThat(Report.BULLETIN_UPTAKE.weekColumn(), equalTo("sent_at"));
    assertThat(Report.REJECTS.weekColumn(), nullValue());
    for (Report r : Report.ALL) {
      assertThat(r.header().subList(0, r.keyColumns().size()), equalTo(r.keyColumns()));
      if (r.weekColumn() != null) {
        assertThat(r.header(), hasItem(r.weekColumn()));
      }
    }
  }
}
