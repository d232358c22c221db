package org.megaphone.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.megaphone.rules.Baselines;

/** The contract's tunable rules. */
public interface RuleOptions extends PipelineOptions {
  @Description(
      "How long after its sent_at a bulletin can be credited with a post: an ISO-8601 duration"
          + " added to the instant (P7D = 168 hours, PT36H = 36 hours).")
  @Default.String("P7D")
  String getBulletinWindow();

  void setBulletinWindow(String value);

  @Description(
      "Extra campaign hashtags, comma-separated, '#' optional (e.g. coronafacts,koronafaktat):"
          + " posts carrying one are campaign posts even without a bulletin.")
  @Default.String("")
  String getCampaignTags();

  void setCampaignTags(String value);

  @Description(
      "Largest share of rejected rows a table may have (0 to 1); above it the run fails and no"
          + " report is written.")
  @Default.Double(0.05)
  Double getMaxRejectRatio();

  void setMaxRejectRatio(Double value);

  @Description(
      "A themes lexicon (CSV: theme, language, phrases) to use instead of the one in the jar;"
          + " see runbooks/data-contract.md D35.")
  @Default.String("")
  String getThemes();

  void setThemes(String value);

  @Description(
      "How many of an account's previous posts make a post's baseline (their median engagement);"
          + " a post needs at least 3 previous posts to have one.")
  @Default.Integer(10)
  Integer getBaselinePosts();

  void setBaselinePosts(Integer value);

  /** --baselinePosts, for the report and the stream: a baseline needs 3 previous posts. */
  static void checkBaselinePosts(RuleOptions options) {
    if (options.getBaselinePosts() == null || options.getBaselinePosts() < Baselines.MIN_PREVIOUS) {
      throw new UsageException(
          "--baselinePosts must be at least "
              + Baselines.MIN_PREVIOUS
              + " (a baseline is the median of at least 3 previous posts)");
    }
  }
}
