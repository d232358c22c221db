package org.megaphone.pipelines.weekly;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.pipelines.options.WeeklyOptions;
import org.megaphone.pipelines.report.OutputFolder;
import org.megaphone.pipelines.report.ReportRun;
import org.megaphone.pipelines.report.RunSummary;
import org.megaphone.pipelines.report.Summary;
import org.megaphone.pipelines.run.Progress;
import org.megaphone.pipelines.run.RunFailedException;
import org.megaphone.read.Locations;
import org.megaphone.rules.Weeks;

/**
 * The {@code weekly} job a scheduler runs: the report job over the whole input (earlier weeks are
 * needed for view gains and follower starts, and every check runs on all of it), then the rows of
 * one ISO week, published to {@code <output>/<week>/} in one step. A rerun replaces the folder; a
 * failed run leaves the previous one as it was. One log line per stage goes to stderr.
 */
public final class WeeklyRun {

  private static final String PREVIOUS = "previous-";

  private WeeklyRun() {}

  /**
   * A run killed between the two renames of {@link #replace} leaves the old week folder inside its
   * work folder: put it back if the week has no folder, then remove what such runs left.
   */
  private static void recoverInterruptedPublish(Path output) throws IOException {
    List<Path> leftovers;
    try (Stream<Path> entries = Files.list(output)) {
      leftovers =
          entries.filter(p -> p.getFileName().toString().startsWith(".megaphone-weekly-")).toList();
    }
    for (Path work : leftovers) {
      try (Stream<Path> entries = Files.list(work)) {
        for (Path p : entries.toList()) {
          String name = p.getFileName().toString();
          Path week = output.resolve(name.substring(PREVIOUS.length()));
          if (name.startsWith(PREVIOUS) && !Files.exists(week)) {
            Files.move(p, week);
          }
        }
      }
      ReportRun.deleteRecursively(work);
    }
  }

  /** What a successful run produced: the week's folder and its summary. */
  public record Result(String week, String folder, RunSummary summary) {}

  /**
   * Runs the report of one week (--week, 'last' by the clock) into its folder under --output, one
   * weekly run at a time per output folder.
   *
   * @throws UsageException when the week or another option is malformed
   * @throws RunFailedException when the report fails or its folder cannot be published
   */
  public static Result run(WeeklyOptions options, Clock clock, Progress progress) {
    PrintStream log = progress.out();
    String week = resolve(options.getWeek(), options.getTimezone(), clock);
    ReportRun.checkOutputAroundInput(options.getInput(), options.getOutput());
    if (Locations.isRemote(options.getOutput())) {
      return runToStore(options, week, log, progress);
    }
    Path output = Paths.get(options.getOutput());
    // One weekly run at a time per output folder (its week folders are replaced by renames).
    try (OutputFolder locked = OutputFolder.lock(output, null)) {
      return run(options, week, output, log, progress);
    }
  }

  private static Result run(
      WeeklyOptions options, String week, Path output, PrintStream log, Progress progress) {
    String from = options.getFrom();
    String to = options.getTo();
    Path work;
    try {
      Files.createDirectories(output);
      recoverInterruptedPublish(output);
      work = Files.createTempDirectory(output, ".megaphone-weekly-");
    } catch (IOException e) {
      throw new RunFailedException(
          "cannot create output folder " + output + ": " + e.getMessage(), e);
    }
    try {
      logStart(log, week, options);
      // The report job cuts the week (--from/--to) after every check on the whole input, then
      // writes the format; its folder becomes the week's folder.
      Path next = work.resolve(week);
      options.setOutput(next.toString());
      options.setFrom(week);
      options.setTo(week);
      // The week folders live in the real output: never read them back as input.
      ReportRun.Result report = ReportRun.run(options, List.of(output.toString()), progress);
      log.println("megaphone weekly " + week + ": checks passed; keeping the rows of " + week);
      RunSummary summary = report.summary().asWeekly(week, output.resolve(week).toString());
      Summary.write(next.resolve(ReportRun.SUMMARY), summary);
      Path folder = output.resolve(week);
      log.println("megaphone weekly " + week + ": publishing " + folder);
      replace(next, folder, work);
      log.println("megaphone weekly " + week + ": done");
      return new Result(week, folder.toString(), summary);
    } catch (IOException e) {
      throw new RunFailedException("cannot write the week's reports: " + e.getMessage(), e);
    } finally {
      options.setOutput(output.toString());
      options.setFrom(from);
      options.setTo(to);
      ReportRun.deleteRecursively(work);
    }
  }

  /**
   * The week's run into a store: its folder {@code <output>/<week>/} is a report folder of its own,
   * published by its pointer (contract copy D43), so the report job publishes it directly.
   */
  private static Result runToStore(
      WeeklyOptions options, String week, PrintStream log, Progress progress) {
    String given = options.getOutput();
    String output = Locations.folder(given);
    String folder = Locations.resolve(output, week);
    String from = options.getFrom();
    String to = options.getTo();
    try {
      logStart(log, week, options);
      options.setOutput(folder);
      options.setFrom(week);
      options.setTo(week);
      // The other weeks' folders live in the output: never read them back as input.
      ReportRun.Result report =
          ReportRun.run(options, List.of(output), progress, s -> s.asWeekly(week, folder));
      log.println("megaphone weekly " + week + ": published " + report.location());
      return new Result(week, report.location(), report.summary());
    } finally {
      options.setOutput(given);
      options.setFrom(from);
      options.setTo(to);
    }
  }

  private static void logStart(PrintStream log, String week, WeeklyOptions options) {
    log.println(
        "megaphone weekly "
            + week
            + ": computing the reports of "
            + options.getInput()
            + " on "
            + options.getRunner().getSimpleName());
  }

  /** 'last' is the complete week before the current one in the zone; else a valid label. */
  static String resolve(String week, String timezone, Clock clock) {
    ZoneId zone;
    try {
      zone = ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new UsageException("--timezone=" + timezone + " is not a time zone");
    }
    if (week.equals("last")) {
      // A calendar week back, not 168 hours: a week with a daylight-saving change is shorter.
      LocalDate lastWeek = LocalDate.now(clock.withZone(zone)).minusWeeks(1);
      return Weeks.label(lastWeek.atStartOfDay(zone).toInstant().toEpochMilli(), zone);
    }
    if (!week.matches("\\d{4}-W\\d{2}")) {
      throw new UsageException(
          "--week=" + week + " is neither 'last' nor an ISO week like 2020-W14");
    }
    if (!Weeks.isLabel(week)) {
      throw new UsageException("--week=" + week + " does not exist (that year has no such week)");
    }
    return week;
  }

  /**
   * Puts the new folder in place of the old one: the old one is moved aside (a rename), the new one
   * renamed into place, then the old one deleted. If the second rename fails, the old folder is
   * moved back.
   */
  private static void replace(Path next, Path folder, Path work) throws IOException {
    Path previous = work.resolve(PREVIOUS + folder.getFileName());
    boolean hadPrevious = Files.exists(folder);
    if (hadPrevious) {
      Files.move(folder, previous);
    }
    try {
      Files.move(next, folder);
    } catch (IOException e) {
      if (hadPrevious) {
        Files.move(previous, folder);
      }
      throw e;
    }
  }
}
