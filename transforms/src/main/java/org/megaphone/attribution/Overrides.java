package org.megaphone.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.megaphone.model.AttributionOverride;
import org.megaphone.model.Reject;
import org.megaphone.rules.RecordDeduplication;

/**
 * An analyst's overrides (contract section 2 and rule 1 of entity attribution): D10, an override
 * naming an entity_id that is not in the roster is rejected, before overrides are de-duplicated
 * (D9) so that it never out-ranks a valid one; then each post maps to the entity of its kept
 * override. The report's {@link ValidateOverrides} step and the driver's configuration ({@code
 * JobConfiguration}) both apply it from here.
 */
public final class Overrides {
  private Overrides() {}

  /**
   * D10: the reject of an override whose entity_id is not in the roster; empty when it is valid.
   */
  public static Optional<Reject> unknownEntity(Roster roster, AttributionOverride o) {
    if (roster.hasEntity(o.getEntityId())) {
      return Optional.empty();
    }
    return Optional.of(
        o.getSource()
            .reject("overrides", "unknown entity_id: entity_id='" + o.getEntityId() + "'"));
  }

  /**
   * The overrides as read, checked (D10) then de-duplicated (D9): post key to entity_id. The
   * rejects go to {@code rejects}, in the order read.
   */
  public static Map<String, String> validByPost(
      Roster roster, Iterable<AttributionOverride> rows, Consumer<Reject> rejects) {
    List<AttributionOverride> valid = new ArrayList<>();
    for (AttributionOverride o : rows) {
      Optional<Reject> reject = unknownEntity(roster, o);
      if (reject.isPresent()) {
        rejects.accept(reject.get());
      } else {
        valid.add(o);
      }
    }
    return byPost(RecordDeduplication.overrides(valid));
  }

  /** Post key to entity_id of overrides already checked and de-duplicated. */
  public static Map<String, String> byPost(Iterable<AttributionOverride> kept) {
    HashMap<String, String> map = new HashMap<>();
    for (AttributionOverride o : kept) {
      map.put(o.postKey(), o.getEntityId());
    }
    return map;
  }
}
