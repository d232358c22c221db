package org.megaphone.pipelines;

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
}
