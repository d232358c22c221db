package org.megaphone.attribution;

import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.megaphone.model.Bulletin;

/**
 * Gathers the de-duplicated bulletins, the --campaignTags and the --bulletinWindow into one {@link
 * Campaigns} matcher.
 *
 * <p>Input: bulletins (bounded, small). Output: a singleton side input. Rejects nothing.
 */
public final class BuildCampaigns
    extends PTransform<PCollection<Bulletin>, PCollectionView<Campaigns>> {
  private final String campaignTags;
  private final String bulletinWindow;

  /**
   * @param campaignTags comma-separated extra campaign hashtags, '#' optional
   * @param bulletinWindow an ISO-8601 duration such as P7D
   */
  public BuildCampaigns(String campaignTags, String bulletinWindow) {
    this.campaignTags = campaignTags;
    this.bulletinWindow = bulletinWindow;
  }

  @Override
  public PCollectionView<Campaigns> expand(PCollection<Bulletin> bulletins) {
    return bulletins
        .apply("GatherBulletins", Combine.globally(new ToList<Bulletin>()))
        .apply("IndexBulletins", ParDo.of(new IndexFn(campaignTags, bulletinWindow)))
        .setCoder(SerializableCoder.of(Campaigns.class))
        .apply("ViewCampaigns", View.asSingleton());
  }

  private static final class IndexFn extends DoFn<List<Bulletin>, Campaigns> {
    private final String campaignTags;
    private final String bulletinWindow;

    IndexFn(String campaignTags, String bulletinWindow) {
      this.campaignTags = campaignTags;
      this.bulletinWindow = bulletinWindow;
    }

    @ProcessElement
    public void process(@Element List<Bulletin> bulletins, OutputReceiver<Campaigns> out) {
      out.output(Campaigns.of(bulletins, campaignTags, bulletinWindow));
    }
  }
}
