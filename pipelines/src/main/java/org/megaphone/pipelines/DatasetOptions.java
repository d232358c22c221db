package org.megaphone.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Where the dataset is and how to read its timestamps. */
public interface DatasetOptions extends PipelineOptions {
  @Description(
      "Dataset folder holding accounts*.csv and posts*.csv (required), views*.csv, bulletins*.csv,"
          + " followers*.csv, overrides*.csv (optional); any of them may be .csv.gz.")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description(
      "IANA time zone of the dataset (e.g. Europe/Helsinki): reads timestamps without offset,"
          + " cuts ISO weeks and writes output timestamps.")
  @Default.String("UTC")
  String getTimezone();

  void setTimezone(String value);
}
