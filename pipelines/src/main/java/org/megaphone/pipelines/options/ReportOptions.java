package org.megaphone.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of the {@code report} job: dataset, rules and the output folder. */
public interface ReportOptions extends DatasetOptions, RuleOptions, TuningOptions {
  @Description(
      "Folder for the reports (created if missing). Reports in it are replaced only when the run"
          + " succeeds.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "First week of the reports: a date (its ISO week in --timezone) or a week like 2020-W12."
          + " Earlier data is still read where the rules need it (view gains, follower starts).")
  @Default.String("")
  String getFrom();

  void setFrom(String value);

  @Description("Last week of the reports, included: a date (its ISO week) or a week like 2020-W22.")
  @Default.String("")
  String getTo();

  void setTo(String value);

  @Description(
      "Replace handles and post ids of accounts outside the roster, and mentions of them, by keyed"
          + " hashes (HMAC-SHA256 with --saltFile); roster accounts stay named.")
  @Default.Boolean(false)
  Boolean getPseudonymise();

  void setPseudonymise(Boolean value);

  @Description(
      "The secret for --pseudonymise (at least 16 bytes; never written to outputs or logs).")
  @Default.String("")
  String getSaltFile();

  void setSaltFile(String value);

  @Description(
      "The reports' format: csv (the contract's files) or jsonl (JSON Lines, the same fields).")
  @Default.String("csv")
  String getFormat();

  void setFormat(String value);

  @Description("The title of report.html (default: the input folder's name).")
  @Default.String("")
  String getTitle();

  void setTitle(String value);

  @Description(
      "No progress lines and no summary on the terminal (for schedulers); errors are still printed"
          + " and the exit code says how the run went.")
  @Default.Boolean(false)
  Boolean getQuiet();

  void setQuiet(Boolean value);
}
