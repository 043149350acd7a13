package org.traza.custody.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.traza.custody.control.CustodyLedger;
import org.traza.custody.control.Places;
import org.traza.custody.entity.Location;
import org.traza.registry.entity.CustodyAction;

/** What other features may know of places and may ask of custody, without its control. */
@ApplicationScoped
public class CustodyDirectory {

  @Inject Places places;
  @Inject CustodyLedger ledger;

  /** A location as other features see it. */
  public record Place(
      long id, String code, String name, Long parentId, Integer countFrequencyDays) {}

  public Optional<Place> place(long id) {
    try {
      return Optional.of(place(places.location(id)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public List<Place> places() {
    return places.locations().stream().map(CustodyDirectory::place).toList();
  }

  private static Place place(Location l) {
    return new Place(l.id(), l.code(), l.name(), l.parentId(), l.countFrequencyDays());
  }

  /**
   * Records a loss or theft found by a stock count, once: the key makes a repeated resolution act
   * only the first time.
   */
  public void reportMissing(
      long firearmId, boolean stolen, String reason, String key, String actor) {
    if (ledger.byKey(key).isPresent()) {
      return;
    }
    ledger.record(
        new CustodyLedger.Command(
            firearmId,
            stolen ? CustodyAction.REPORT_STOLEN : CustodyAction.REPORT_LOST,
            null,
            null,
            null,
            null,
            null,
            reason,
            null,
            key),
        actor);
  }
}
