package org.megaphone.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the {@code weekly} job: those of {@code report}, and the week. */
public interface WeeklyOptions extends ReportOptions {
  @Description(
      "The ISO week to report, like 2020-W14, or 'last' for the previous complete week in"
          + " --timezone. The reports go to <output>/<week>/, replaced as a whole when the run"
          + " succeeds.")
  @Default.String("last")
  String getWeek();

  void setWeek(String value);
}
