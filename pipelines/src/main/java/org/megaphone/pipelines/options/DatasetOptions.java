package org.megaphone.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Where the dataset is and how to read its timestamps. */
public interface DatasetOptions extends StoreOptions {
  @Description(
      "Dataset folder holding accounts*.csv and posts*.csv (required), views*.csv, bulletins*.csv,"
          + " followers*.csv, overrides*.csv (optional; any may be .csv.gz), and native platform"
          + " exports in exports/ (recognised by their header).")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description(
      "Read every file of the dataset's exports/ folder with this export profile instead of"
          + " recognising each by its header (see megaphone profiles).")
  @Default.String("")
  String getProfile();

  void setProfile(String value);

  @Description(
      "IANA time zone of the dataset (e.g. Europe/Helsinki): reads timestamps without offset,"
          + " cuts ISO weeks and writes output timestamps.")
  @Default.String("UTC")
  String getTimezone();

  void setTimezone(String value);
}
