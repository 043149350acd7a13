package org.traza.custody.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.traza.custody.control.CustodyLedger;
import org.traza.custody.control.Places;
import org.traza.custody.entity.Location;
import org.traza.custody.entity.LocationKind;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.entity.CustodyAction;

/** What other features may know of places and may ask of custody, without its control. */
@ApplicationScoped
public class CustodyDirectory {

  @Inject Places places;
  @Inject CustodyLedger ledger;

  /** A location as other features see it. */
  public record Place(
      long id, String code, String name, String kind, Long parentId, Integer countFrequencyDays) {

    /** Whether users and stations may be confined to this place (an armoury or an agency). */
    public boolean canConfine() {
      return LocationKind.ARMOURY.name().equals(kind) || LocationKind.AGENCY.name().equals(kind);
    }
  }

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
    return new Place(
        l.id(), l.code(), l.name(), l.kind().name(), l.parentId(), l.countFrequencyDays());
  }

  /** Location {@code id} and every place under it. */
  public java.util.Set<Long> subtree(long id) {
    return places.subtree(id);
  }

  /**
   * The armoury or agency {@code id}, as users and stations are confined to; a 400 on {@code field}
   * when it is another kind of place or none.
   */
  public Place armoury(long id, String field) {
    Place p = place(id).orElseThrow(() -> ProblemException.invalid(field, "no location " + id));
    if (!p.canConfine()) {
      throw ProblemException.invalid(
          field, "location " + p.code() + " is a " + p.kind() + ", not an ARMOURY or AGENCY");
    }
    return p;
  }

  /**
   * Applies {@code action} to firearm {@code firearmId} in the caller's transaction, once per
   * {@code key}: the destruction feature's way to schedule, release and destroy.
   *
   * @return the recorded event's id and hash
   */
  public RecordedEvent record(
      long firearmId, String action, String reason, String documentRef, String key, String actor) {
    var seen = ledger.byKey(key);
    var e =
        seen.orElseGet(
            () ->
                ledger.record(
                    new CustodyLedger.Command(
                        firearmId,
                        CustodyAction.valueOf(action),
                        null,
                        null,
                        null,
                        null,
                        null,
                        reason,
                        documentRef,
                        key,
                        null),
                    actor));
    return new RecordedEvent(e.id(), e.seq(), e.hash());
  }

  /** A firearm's custody events, oldest first, with their hashes. */
  public List<CustodyViews.EventView> timeline(long firearmId) {
    return ledger.timeline(firearmId).stream().map(CustodyViews.EventView::of).toList();
  }

  /** A holder (officer, unit, laboratory…) as other features see it. */
  public record HolderRef(long id, String code, String kind, String name, String unit) {}

  public Optional<HolderRef> holder(long id) {
    try {
      var h = places.holder(id);
      return Optional.of(new HolderRef(h.id(), h.code(), h.kind().name(), h.name(), h.unit()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A custody event as other features refer to it. */
  public record RecordedEvent(long id, long seq, String hash) {}

  /** What one firearm's chain says: intact or not (and why), and its last action. */
  public record Chain(boolean intact, String problem, long events, String lastAction) {}

  /** Recomputes firearm {@code firearmId}'s chain alone. */
  public Chain chain(long firearmId) {
    CustodyLedger.Verification v = ledger.verifyFirearm(firearmId);
    var timeline = ledger.timeline(firearmId);
    return new Chain(
        v.intact(),
        v.problem(),
        v.events(),
        timeline.isEmpty() ? null : timeline.get(timeline.size() - 1).action());
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
            key,
            null),
        actor);
  }

  /** The custody ledger's state as a checkpoint records it. */
  public record LedgerState(long events, long firearms, String root) {}

  /** One broken link of the custody ledger (firearm 0: the ledger as a whole). */
  public record LedgerBreak(long firearmId, long seq, String problem) {}

  /** The outcome of a check of the ledger: every break (the first hundred) and their number. */
  public record LedgerCheck(
      boolean intact, long firearms, long events, long breaksFound, List<LedgerBreak> breaks) {

    static LedgerCheck of(CustodyLedger.Verification v) {
      return new LedgerCheck(
          v.intact(),
          v.firearms(),
          v.events(),
          v.breaksFound(),
          v.breaks().stream()
              .map(b -> new LedgerBreak(b.firearmId(), b.seq(), b.problem()))
              .toList());
    }
  }

  /** The custody ledger's state now, for a checkpoint: events, firearms with events, root. */
  public LedgerState ledgerState() {
    CustodyLedger.State s = ledger.state();
    return new LedgerState(s.events(), s.firearms(), s.root());
  }

  /** Every custody chain recomputed and compared with the audit log; every break named. */
  public LedgerCheck verifyLedger() {
    return LedgerCheck.of(ledger.verify());
  }

  /**
   * What the ledger still holds of a checkpoint's {@code state} ({@code checkpoint}: audit chain
   * number to the position the checkpoint covered).
   */
  public LedgerCheck verifyAgainst(java.util.Map<Integer, Long> checkpoint, LedgerState state) {
    return LedgerCheck.of(
        ledger.verifyAgainst(
            checkpoint, new CustodyLedger.State(state.events(), state.firearms(), state.root())));
  }
}
