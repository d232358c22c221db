package org.megaphone.write.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) drawn from
 * a run's CSV reports. Its sections, in order: headline figures, weekly engagement and views by
 * role, top influencers, top mayors, bulletin uptake, platform × language, themes, claims and
 * answers, posts that beat their account's usual, channel follower growth and data quality
 * (runbooks/data-contract.md D34; D35 to D37 for themes, claims and top posts).
 *
 * <p>The page is made in two steps: {@code ReportPageBuilder} computes every figure into a {@code
 * ReportPage}, and {@code ReportPageRenderer} draws each section of it as markup, with the style
 * sheet report.css (a resource next to these classes) inlined.
 *
 * <p>The page is a function of the reports and the run's counts only — no clock, no host, no
 * absolute path — so a rerun that reproduces the CSVs reproduces the page byte for byte. A
 * Content-Security-Policy that forbids every script and fetch backs up the escaping.
 */
public final class HtmlReport {
  public static final String FILE = "report.html";

  /** What the page says about the run: the dataset, the zone, the rejects file's name. */
  public record Run(String dataset, String timezone, String rejectsFile) {}

  /** One input table's row counts. */
  public record TableCounts(
      String table, long read, long accepted, long rejected, long duplicates) {}

  /** The counts of the data-quality box that are not in the CSV reports. */
  public record Quality(
      List<TableCounts> tables, long orphanPosts, long orphanSnapshots, long orphanViews) {}

  private HtmlReport() {}

  /** Reads the reports in the folder and writes report.html next to them. */
  public static void write(Path folder, Run run, Quality quality) throws IOException {
    Files.writeString(
        folder.resolve(FILE),
        render(ReportTables.read(folder), run, quality),
        StandardCharsets.UTF_8);
  }

  /** The page for the reports and the run's counts. */
  public static String render(ReportTables t, Run run, Quality quality) {
    return ReportPageRenderer.render(ReportPageBuilder.build(t, run, quality));
  }
}
