package org.megaphone.weekly;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.Bulletin;
import org.megaphone.write.Cells;
import org.megaphone.write.ReportRow;

/**
 * bulletin_uptake.csv: one row per bulletin, with or without posts credited to it.
 *
 * <p>Input: de-duplicated bulletins (bounded, small); attributed posts with their views via the
 * constructor. Output: the rows.
 */
public final class BulletinUptake extends PTransform<PCollection<Bulletin>, PCollection<ReportRow>> {
  public static final List<String> HEADER =
      List.of(
          "bulletin_id", "campaign", "language", "sent_at", "audience", "adopters", "uptake_rate",
          "posts", "engagement", "views", "median_hours_to_post");

  private final PCollection<AttributedPost> posts;
  private final String zoneId;

  public BulletinUptake(PCollection<AttributedPost> posts, String zoneId) {
    this.posts = posts;
    this.zoneId = zoneId;
  }

  @java.lang.Override
  public PCollection<ReportRow> expand(PCollection<Bulletin> bulletins) {
    KvCoder<String, UptakeTotals> coder;
    try {
      coder =
          KvCoder.of(
              StringUtf8Coder.of(),
              posts.getPipeline().getSchemaRegistry().getSchemaCoder(UptakeTotals.class));
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
    PCollectionView<Map<String, UptakeTotals>> uptake =
        posts
            .apply("KeepBulletinPosts", Filter.by(p -> p.getBulletinId() != null))
            .apply(
                "TotalBulletinPost",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(), TypeDescriptor.of(UptakeTotals.class)))
                    .via(p -> KV.of(p.getBulletinId(), UptakeTotals.of(p))))
            .setCoder(coder)
            .apply(
                "SumPerBulletin",
                Combine.globally(new SumPerKey<UptakeTotals>(UptakeTotals::plus)).asSingletonView());
    return bulletins.apply(
        "FormatBulletinRows", ParDo.of(new FormatFn(uptake, zoneId)).withSideInputs(uptake));
  }

  /** The cells of one bulletin's row; {@code t} is null when no post was credited to it. */
  public static List<String> cells(Bulletin b, UptakeTotals t, ZoneId zone) {
    long adopters = t == null ? 0 : t.adopters();
    Long audience = b.getAudience();
    return List.of(
        Cells.text(b.getBulletinId()),
        Cells.text(b.getCampaign()),
        Cells.text(b.getLanguage()),
        Cells.timestamp(b.getSentAt(), zone),
        Cells.integer(audience),
        Cells.integer(adopters),
        audience == null ? "" : Cells.ratio(adopters, audience),
        Cells.integer(t == null ? 0 : t.getPosts()),
        Cells.integer(t == null ? 0 : t.getEngagement()),
        Cells.integer(t == null ? 0 : t.getViews()),
        Cells.decimal(t == null ? null : t.medianHoursToPost(b.getSentAt())));
  }

  private static final class FormatFn extends DoFn<Bulletin, ReportRow> {
    private final PCollectionView<Map<String, UptakeTotals>> uptake;
    private final String zoneId;

    FormatFn(PCollectionView<Map<String, UptakeTotals>> uptake, String zoneId) {
      this.uptake = uptake;
      this.zoneId = zoneId;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Bulletin b = c.element();
      UptakeTotals t = c.sideInput(uptake).get(b.getBulletinId());
      c.output(
          ReportRow.create(List.of(b.getBulletinId()), cells(b, t, ZoneId.of(zoneId))));
    }
  }
}
