package org.megaphone.pipelines.config;

import java.util.Map;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.megaphone.attribution.Campaigns;
import org.megaphone.attribution.ConfigValue;
import org.megaphone.attribution.Deduplicate;
import org.megaphone.attribution.Roster;
import org.megaphone.attribution.ValidateOverrides;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Bulletin;
import org.megaphone.model.Reject;
import org.megaphone.rules.RecordDeduplication;

/**
 * The report job's configuration tables as the pipeline reads them: the de-duplicated bulletins
 * (bulletin_uptake has a row for each), the rejected overrides and the de-duplication and
 * validation counts. The roster, campaigns and overrides that attribution uses are the values of
 * {@link JobConfiguration}, read by the driver with the same rules: none of them is a side input or
 * crosses a shuffle.
 */
public record Configuration(
    ConfigValue<Roster> roster,
    PCollection<Bulletin> bulletins,
    ConfigValue<Campaigns> campaigns,
    ConfigValue<Map<String, String>> overrides,
    PCollection<Reject> rejects,
    PCollectionList<KV<String, Long>> stats) {

  public static Configuration build(
      JobConfiguration values,
      PCollection<Bulletin> bulletinRows,
      PCollection<AttributionOverride> overrideRows) {
    ConfigValue<Roster> roster = ConfigValue.fixed(values.roster());
    Deduplicate<Bulletin> dedupBulletins =
        new Deduplicate<>(
            "bulletins", RecordDeduplication::bulletinKey, RecordDeduplication::byRawBulletin);
    PCollectionTuple uniqueBulletins = bulletinRows.apply("DeduplicateBulletins", dedupBulletins);
    PCollectionTuple validOverrides =
        overrideRows.apply("ValidateOverrides", new ValidateOverrides(roster));
    Deduplicate<AttributionOverride> dedupOverrides =
        new Deduplicate<>(
            "overrides", RecordDeduplication::overrideKey, RecordDeduplication::byRawOverride);
    PCollectionTuple uniqueOverrides =
        validOverrides.get(ValidateOverrides.VALID).apply("DeduplicateOverrides", dedupOverrides);
    return new Configuration(
        roster,
        uniqueBulletins.get(dedupBulletins.kept),
        ConfigValue.fixed(values.campaigns()),
        ConfigValue.<Map<String, String>>fixed(values.overrides()),
        validOverrides.get(ValidateOverrides.REJECTS),
        PCollectionList.of(uniqueBulletins.get(Deduplicate.STATS))
            .and(uniqueOverrides.get(Deduplicate.STATS))
            .and(validOverrides.get(ValidateOverrides.STATS)));
  }
}
