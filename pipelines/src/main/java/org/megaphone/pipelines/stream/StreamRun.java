package org.megaphone.pipelines.stream;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.megaphone.pipelines.options.RuleOptions;
import org.megaphone.pipelines.options.Runners;
import org.megaphone.pipelines.options.StoreOptions;
import org.megaphone.pipelines.options.StreamOptions;
import org.megaphone.pipelines.options.UsageException;
import org.megaphone.read.Locations;

/** The stream job's option checks: usage errors before anything starts. */
public final class StreamRun {
  private StreamRun() {}

  public static void check(StreamOptions options) {
    for (String[] folder :
        new String[][] {
          {"input", options.getInput()},
          {"output", options.getOutput()},
          {"themes", options.getThemes()}
        }) {
      if (Locations.isRemote(folder[1])) {
        throw new UsageException(
            "--"
                + folder[0]
                + "="
                + folder[1]
                + ": the stream watches and writes a local (or shared) folder, not an object store."
                + " A store has no rename to replace the live files in one step, and watching a"
                + " prefix means listing all of it at every poll. Send new rows through Kafka"
                + " (--kafkaBootstrap), or run the weekly job on the bucket"
                + " (runbooks/object-storage.md)");
      }
    }
    // Local folders only: Beam's S3 file system is registered without looking up a region.
    StoreOptions.register(options, false);
    if (!Files.isDirectory(Paths.get(options.getInput()))) {
      throw new UsageException("--input=" + options.getInput() + ": no such folder");
    }
    try {
      ZoneId.of(options.getTimezone());
    } catch (DateTimeException e) {
      throw new UsageException("--timezone=" + options.getTimezone() + ": not an IANA time zone");
    }
    RuleOptions.checkBaselinePosts(options);
    for (String[] d :
        new String[][] {
          {"earlyFiring", options.getEarlyFiring()},
          {"allowedLateness", options.getAllowedLateness()},
          {"stateTtl", options.getStateTtl()},
          {"pollInterval", options.getPollInterval()},
          {"bulletinWindow", options.getBulletinWindow()},
          {
            "stopAfterIdle",
            options.getStopAfterIdle().isEmpty() ? "PT0S" : options.getStopAfterIdle()
          }
        }) {
      try {
        if (Duration.parse(d[1]).isNegative()) {
          throw new UsageException("--" + d[0] + " must not be negative");
        }
      } catch (DateTimeParseException e) {
        throw new UsageException(
            "--" + d[0] + "=" + d[1] + ": not an ISO-8601 duration (e.g. PT1M, P14D)");
      }
    }
    if (!options.getStopAfterIdle().isEmpty()) {
      if (Duration.parse(options.getStopAfterIdle()).isZero()) {
        throw new UsageException("--stopAfterIdle must be longer than zero (e.g. PT30S)");
      }
      if (!options.getKafkaBootstrap().isEmpty()) {
        throw new UsageException(
            "--stopAfterIdle ends a folder watch; a Kafka stream runs until cancelled");
      }
      if (!Runners.onFlink(options)) {
        // Measured: on the DirectRunner, rows still being read when the watch ended came after
        // the final watermark and every weekly row was dropped.
        throw new UsageException(
            "--stopAfterIdle needs --runner=FlinkRunner (--flinkMaster=[local] runs it in this process),"
                + " not "
                + options.getRunner().getSimpleName()
                + ": there the rows read last would arrive after the final watermark and be dropped");
      }
    }
  }
}
