package org.megaphone.weekly;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.megaphone.model.Wire;

/**
 * The key of one summed row: which report (or stat) and the row's key columns, a null column as
 * empty (as the reports print it). Keys of every weekly report travel in one keyed sum ({@link
 * SumReports}); its coder is deterministic, so it can key a grouping. The stream's weekly panes are
 * keyed by it too, without the week, which is their window's.
 */
@DefaultCoder(ReportKey.WireCoder.class)
@AutoValue
public abstract class ReportKey {
  /** What a key sums for. */
  public enum Kind {
    /** entities_weekly: week, entity_id. */
    ENTITY(0),
    /** platforms_weekly: week, platform, language. */
    PLATFORM(1),
    /** themes_weekly: week, theme, role. */
    THEME(2),
    /** claims_weekly: week, claim_id, platform. */
    CLAIM(3),
    /** bulletin_uptake: bulletin_id. */
    BULLETIN(4),
    /** A count for summary.json and the conservation check: its name. */
    STAT(5);

    /**
     * The kind's tag in the coder, fixed here rather than taken from the declaration order, so
     * reordering the constants cannot change what a savepoint holds.
     */
    private final int wire;

    Kind(int wire) {
      this.wire = wire;
    }
  }

  /** The kinds by their wire tag. */
  private static final Kind[] KINDS = byWireTag();

  private static Kind[] byWireTag() {
    Kind[] kinds = new Kind[Kind.values().length];
    for (Kind k : Kind.values()) {
      kinds[k.wire] = k;
    }
    return kinds;
  }

  public abstract Kind getKind();

  public abstract List<String> getParts();

  public static ReportKey of(Kind kind, String... parts) {
    List<String> list = new ArrayList<>(parts.length);
    for (String p : parts) {
      list.add(p == null ? "" : p);
    }
    return new AutoValue_ReportKey(kind, List.copyOf(list));
  }

  public String part(int i) {
    return getParts().get(i);
  }

  /** The coder of a key: its kind's wire tag, then its parts. */
  public static final class WireCoder extends Wire.Coder<ReportKey> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(ReportKey.class, INSTANCE);
    }

    @Override
    public void encode(ReportKey v, OutputStream out) throws IOException {
      Wire.writeInt(v.getKind().wire, out);
      Wire.writeStrings(v.getParts(), out);
    }

    @Override
    public ReportKey decode(InputStream in) throws IOException {
      Kind kind = KINDS[Wire.readInt(in)];
      return new AutoValue_ReportKey(kind, List.copyOf(Wire.readStrings(in)));
    }
  }
}
