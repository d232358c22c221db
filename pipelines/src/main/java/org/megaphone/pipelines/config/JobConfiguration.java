package org.megaphone.pipelines.config;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.megaphone.attribution.Campaigns;
import org.megaphone.attribution.Overrides;
import org.megaphone.attribution.Roster;
import org.megaphone.model.Bulletin;
import org.megaphone.model.Reject;
import org.megaphone.pipelines.options.StreamOptions;
import org.megaphone.pipelines.run.RunFailedException;
import org.megaphone.read.InputFiles;
import org.megaphone.read.Locations;
import org.megaphone.read.Table;
import org.megaphone.read.TableFiles;
import org.megaphone.read.Tables;
import org.megaphone.rules.RecordDeduplication;

/**
 * The configuration of a job, read once from --input when the job is built: the roster, the
 * campaigns and the overrides, by the same table readers and rules as the pipeline's own reading of
 * those tables (contract sections 2 and 7, D9 and D10), plus the rejected rows. The values travel
 * inside the job, not as side inputs. The stream needs that: a stream on Flink resumed from a
 * savepoint does not read bounded side inputs again (runbooks/upgrade-and-savepoints.md). The
 * report uses it too: as a side input the roster became one record in Flink's sort buffers (19 MB
 * serialized at 60,000 accounts), which failed a run with -Xmx2g ("record too large"), and a step
 * with a side input cannot be chained to the one before it.
 */
public record JobConfiguration(
    Roster roster, Campaigns campaigns, Map<String, String> overrides, List<Reject> rejects)
    implements Serializable {

  /**
   * From the top level of the stream's --input folder.
   *
   * @throws org.megaphone.read.InputException when the roster has a repeated handle
   */
  public static JobConfiguration read(StreamOptions options) {
    return read(
        InputFiles.topLevel(options.getInput()),
        options.getTimezone(),
        options.getCampaignTags(),
        options.getBulletinWindow());
  }

  /** From the given input files (the report's listing: recursive, its exclusions applied). */
  public static JobConfiguration read(
      InputFiles folder, String zone, String campaignTags, String bulletinWindow) {
    List<Reject> rejects = new ArrayList<>();
    Roster roster = Roster.of(rows(folder, Tables.accounts(), rejects));
    List<Bulletin> bulletins =
        RecordDeduplication.bulletins(rows(folder, Tables.bulletins(zone), rejects));
    Campaigns campaigns = Campaigns.of(bulletins, campaignTags, bulletinWindow);
    Map<String, String> overrides =
        Overrides.validByPost(roster, rows(folder, Tables.overrides(), rejects), rejects::add);
    return new JobConfiguration(roster, campaigns, overrides, rejects);
  }

  /** The rows of every file of the table among the files, in path order (rejects collected). */
  public static <T> List<T> rows(InputFiles files, Table<T> table, List<Reject> rejects) {
    List<T> rows = new ArrayList<>();
    try {
      for (Locations.Entry f : files.list()) {
        String name = f.fileName();
        if (table.matches(name)) {
          TableFiles.parse(
              table,
              f.name(),
              TableFiles.decodeText(name, Locations.read(f.location())).text(),
              rows::add,
              rejects::add);
        }
      }
    } catch (IOException e) {
      throw new RunFailedException(
          "cannot read the configuration in " + files.root() + ": " + e.getMessage(), e);
    }
    return rows;
  }
}
