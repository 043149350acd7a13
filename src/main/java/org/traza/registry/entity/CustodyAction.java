package org.traza.registry.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * What armoury staff do to a firearm: the transitions of its lifecycle, each from a set of states
 * to one state, and what each needs (a location, a holder).
 */
public enum CustodyAction {
  RECEIVE(EnumSet.of(FirearmStatus.REGISTERED), FirearmStatus.IN_STOCK, Needs.LOCATION),
  ISSUE(EnumSet.of(FirearmStatus.IN_STOCK), FirearmStatus.ISSUED, Needs.HOLDER),
  RETURN(EnumSet.of(FirearmStatus.ISSUED), FirearmStatus.IN_STOCK, Needs.LOCATION),
  MOVE(EnumSet.of(FirearmStatus.IN_STOCK), FirearmStatus.IN_STOCK, Needs.LOCATION),
  DISPATCH(EnumSet.of(FirearmStatus.IN_STOCK), FirearmStatus.IN_TRANSIT, Needs.LOCATION),
  RECEIVE_TRANSFER(EnumSet.of(FirearmStatus.IN_TRANSIT), FirearmStatus.IN_STOCK, Needs.LOCATION),
  LEND(EnumSet.of(FirearmStatus.IN_STOCK), FirearmStatus.ON_LOAN, Needs.HOLDER),
  RETURN_FROM_LOAN(EnumSet.of(FirearmStatus.ON_LOAN), FirearmStatus.IN_STOCK, Needs.LOCATION),
  REPORT_LOST(Held.STATES, FirearmStatus.LOST, Needs.NOTHING),
  REPORT_STOLEN(Held.STATES, FirearmStatus.STOLEN, Needs.NOTHING),
  RECOVER(
      EnumSet.of(FirearmStatus.LOST, FirearmStatus.STOLEN), FirearmStatus.RECOVERED, Needs.NOTHING),
  RESTOCK(EnumSet.of(FirearmStatus.RECOVERED), FirearmStatus.IN_STOCK, Needs.LOCATION),
  PLACE_IN_EVIDENCE(EnumSet.of(FirearmStatus.IN_STOCK), FirearmStatus.EVIDENCE, Needs.NOTHING),
  RELEASE_FROM_EVIDENCE(EnumSet.of(FirearmStatus.EVIDENCE), FirearmStatus.IN_STOCK, Needs.LOCATION),
  DECLARE_SURPLUS(
      EnumSet.of(FirearmStatus.IN_STOCK, FirearmStatus.EVIDENCE),
      FirearmStatus.SURPLUS,
      Needs.NOTHING),
  /**
   * an approved destruction order locks the firearm until it is destroyed or the order cancelled
   */
  SCHEDULE_DESTRUCTION(
      EnumSet.of(FirearmStatus.SURPLUS), FirearmStatus.DESTRUCTION_PENDING, Needs.NOTHING, true),
  CANCEL_DESTRUCTION(
      EnumSet.of(FirearmStatus.DESTRUCTION_PENDING), FirearmStatus.SURPLUS, Needs.NOTHING, true),
  /** terminal: nothing is allowed after it */
  DESTROY(
      EnumSet.of(FirearmStatus.DESTRUCTION_PENDING), FirearmStatus.DESTROYED, Needs.NOTHING, true);

  /** What an action must name besides the firearm. */
  public enum Needs {
    NOTHING,
    LOCATION,
    HOLDER
  }

  /** The states in which the state's stockpile holds the firearm (and can lose it). */
  private static final class Held {
    static final Set<FirearmStatus> STATES =
        EnumSet.of(
            FirearmStatus.IN_STOCK,
            FirearmStatus.ISSUED,
            FirearmStatus.IN_TRANSIT,
            FirearmStatus.ON_LOAN,
            FirearmStatus.EVIDENCE,
            FirearmStatus.SURPLUS);
  }

  private final Set<FirearmStatus> from;
  private final FirearmStatus to;
  private final Needs needs;
  private final boolean byOrderOnly;

  CustodyAction(Set<FirearmStatus> from, FirearmStatus to, Needs needs) {
    this(from, to, needs, false);
  }

  CustodyAction(Set<FirearmStatus> from, FirearmStatus to, Needs needs, boolean byOrderOnly) {
    this.from = from;
    this.to = to;
    this.needs = needs;
    this.byOrderOnly = byOrderOnly;
  }

  /**
   * True for the destruction actions: recorded only by a destruction order's approval, cancellation
   * or completion, never sent by a station.
   */
  public boolean byOrderOnly() {
    return byOrderOnly;
  }

  public boolean allowedFrom(FirearmStatus status) {
    return from.contains(status);
  }

  public FirearmStatus target() {
    return to;
  }

  public Needs needs() {
    return needs;
  }
}
