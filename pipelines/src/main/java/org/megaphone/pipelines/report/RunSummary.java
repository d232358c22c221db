package org.megaphone.pipelines.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * summary.json (contract section 5) as typed values: what a report or weekly run writes, and what
 * {@code verify} and {@code rerun} read back as the run's manifest. Field names are written in
 * snake_case (the options keep their command-line names); the order of the fields is the file's.
 * Read back, a field an older summary.json lacks is null and one this version does not know is
 * ignored.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
  "command", "runner", "started_at", "finished_at", "seconds", "options", "versions", "inputs",
  "totals", "orphan_views", "conservation", "warnings", "outputs", "output_folder", "weeks", "week"
})
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunSummary(
    String command,
    String runner,
    String startedAt,
    String finishedAt,
    Double seconds,
    Options options,
    Versions versions,
    Inputs inputs,
    Totals totals,
    OrphanViews orphanViews,
    Conservation conservation,
    List<String> warnings,
    List<Output> outputs,
    String outputFolder,
    @JsonInclude(JsonInclude.Include.NON_NULL) Weeks weeks,
    @JsonInclude(JsonInclude.Include.NON_NULL) String week) {

  /** The run's options with their command-line names: what a rerun runs again with. */
  @JsonPropertyOrder({
    "input",
    "output",
    "timezone",
    "bulletinWindow",
    "campaignTags",
    "maxRejectRatio",
    "profile",
    "shards",
    "from",
    "to",
    "pseudonymise",
    "saltFile",
    "format",
    "title",
    "themes",
    "baselinePosts"
  })
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Options(
      String input,
      String output,
      String timezone,
      String bulletinWindow,
      String campaignTags,
      Double maxRejectRatio,
      String profile,
      Integer shards,
      String from,
      String to,
      Boolean pseudonymise,
      String saltFile,
      String format,
      String title,
      String themes,
      Integer baselinePosts) {}

  /** What built the run (the git commit of the build, and whether it had uncommitted changes). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder({"megaphone", "commit", "uncommitted_changes", "beam", "java"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Versions(
      String megaphone, String commit, String uncommittedChanges, String beam, String java) {}

  /** The input folder, every file read with its checksum, and the rows of each table. */
  @JsonPropertyOrder({"folder", "files", "tables"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Inputs(
      String folder, List<InputFileEntry> files, Map<String, TableCounts> tables) {}

  /** One input file: where, how big, its SHA-256, the rows it held and how it was read. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder({
    "path",
    "table",
    "bytes",
    "sha256",
    "rows_read",
    "rows_rejected",
    "charset",
    "profile",
    "adjustments",
    "number_format"
  })
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record InputFileEntry(
      String path,
      String table,
      Long bytes,
      String sha256,
      Long rowsRead,
      Long rowsRejected,
      String charset,
      String profile,
      Map<String, Long> adjustments,
      String numberFormat) {}

  /** A table's rows: read = accepted + rejected + duplicates. */
  @JsonPropertyOrder({"read", "accepted", "rejected", "duplicates"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TableCounts(Long read, Long accepted, Long rejected, Long duplicates) {}

  /** The run's totals: accepted posts, their engagement, the views credited to them. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder({"posts", "engagement", "views_credited"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Totals(Long posts, Long engagement, Long viewsCredited) {}

  /** View snapshots of posts that are not in the posts table. */
  @JsonPropertyOrder({"posts", "snapshots", "views"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OrphanViews(Long posts, Long snapshots, Long views) {}

  /** The conservation sums (contract sections 3 and 5) and whether they hold. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder({
    "posts_engagement", "entities_weekly_engagement", "views_credited", "entities_weekly_views",
    "posts_accepted", "entities_weekly_posts", "rows_read_equal_accepted_rejected_duplicates", "ok",
    "failures"
  })
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Conservation(
      Long postsEngagement,
      Long entitiesWeeklyEngagement,
      Long viewsCredited,
      Long entitiesWeeklyViews,
      Long postsAccepted,
      Long entitiesWeeklyPosts,
      Boolean rowsReadEqualAcceptedRejectedDuplicates,
      Boolean ok,
      List<String> failures) {}

  /** One published file: its rows (none for report.html), bytes and SHA-256. */
  @JsonPropertyOrder({"file", "rows", "bytes", "sha256"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Output(
      String file,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long rows,
      Long bytes,
      String sha256) {}

  /** The ISO weeks the files hold, when --from or --to cut them. */
  @JsonPropertyOrder({"from", "to"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Weeks(String from, String to) {}

  /** This summary with other outputs and the weeks they hold. */
  public RunSummary withWeeks(Weeks weeks, List<Output> outputs) {
    return with(command, outputs, outputFolder, weeks, week);
  }

  /** This summary as a weekly run's: its command, its week and the week's folder. */
  public RunSummary asWeekly(String week, String outputFolder) {
    return with("weekly", outputs, outputFolder, weeks, week);
  }

  /** This summary with the fields a run sets after the report's counts: the rest is kept. */
  private RunSummary with(
      String command, List<Output> outputs, String outputFolder, Weeks weeks, String week) {
    return new RunSummary(
        command,
        runner,
        startedAt,
        finishedAt,
        seconds,
        options,
        versions,
        inputs,
        totals,
        orphanViews,
        conservation,
        warnings,
        outputs,
        outputFolder,
        weeks,
        week);
  }
}
