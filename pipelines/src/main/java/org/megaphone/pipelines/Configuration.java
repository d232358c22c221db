package org.megaphone.pipelines;

import java.util.Map;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.megaphone.attribution.BuildCampaigns;
import org.megaphone.attribution.BuildRoster;
import org.megaphone.attribution.Campaigns;
import org.megaphone.attribution.Deduplicate;
import org.megaphone.attribution.Roster;
import org.megaphone.attribution.ValidateOverrides;
import org.megaphone.model.Account;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Bulletin;
import org.megaphone.model.Reject;
import org.megaphone.model.SourceRef;
import org.megaphone.rules.CodePoints;

/**
 * The configuration both jobs attribute posts with: the validated roster, the de-duplicated
 * bulletins and the campaigns they define, and the valid, de-duplicated overrides. Built by the
 * same steps, under the same names, in the report and the stream.
 */
record Configuration(
    PCollectionView<Roster> roster,
    PCollection<Bulletin> bulletins,
    PCollectionView<Campaigns> campaigns,
    PCollectionView<Map<String, String>> overrides,
    PCollection<Reject> rejects,
    PCollectionList<KV<String, Long>> stats) {

  static Configuration build(
      PCollection<Account> accounts,
      PCollection<Bulletin> bulletinRows,
      PCollection<AttributionOverride> overrideRows,
      RuleOptions options) {
    PCollectionView<Roster> roster = accounts.apply("BuildRoster", new BuildRoster());
    Deduplicate<Bulletin> dedupBulletins =
        new Deduplicate<>("bulletins", Bulletin::getBulletinId, Configuration::byRawBulletin);
    PCollectionTuple uniqueBulletins = bulletinRows.apply("DeduplicateBulletins", dedupBulletins);
    PCollection<Bulletin> bulletins = uniqueBulletins.get(dedupBulletins.kept);
    PCollectionView<Campaigns> campaigns =
        bulletins.apply(
            "BuildCampaigns", new BuildCampaigns(options.getCampaignTags(), options.getBulletinWindow()));
    PCollectionTuple validOverrides =
        overrideRows.apply("ValidateOverrides", new ValidateOverrides(roster));
    Deduplicate<AttributionOverride> dedupOverrides =
        new Deduplicate<>("overrides", AttributionOverride::postKey, Configuration::byRawOverride);
    PCollectionTuple uniqueOverrides =
        validOverrides.get(ValidateOverrides.VALID).apply("DeduplicateOverrides", dedupOverrides);
    return new Configuration(
        roster,
        bulletins,
        campaigns,
        ValidateOverrides.view(uniqueOverrides.get(dedupOverrides.kept)),
        validOverrides.get(ValidateOverrides.REJECTS),
        PCollectionList.of(uniqueBulletins.get(Deduplicate.STATS))
            .and(uniqueOverrides.get(Deduplicate.STATS))
            .and(validOverrides.get(ValidateOverrides.STATS)));
  }

  /** Bulletins and overrides keep the greatest raw record, then the one read first (D9). */
  static int byRawBulletin(Bulletin a, Bulletin b) {
    int byRecord = CodePoints.compare(a.getSource().getRecord(), b.getSource().getRecord());
    return byRecord != 0 ? byRecord : SourceRef.readFirst(a.getSource(), b.getSource());
  }

  static int byRawOverride(AttributionOverride a, AttributionOverride b) {
    int byRecord = CodePoints.compare(a.getSource().getRecord(), b.getSource().getRecord());
    return byRecord != 0 ? byRecord : SourceRef.readFirst(a.getSource(), b.getSource());
  }
}
