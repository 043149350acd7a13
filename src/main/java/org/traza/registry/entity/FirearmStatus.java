package org.traza.registry.entity;

/**
 * Where the firearm stands in its lifecycle (ISACS 05.20). Custody actions move it between these
 * states, as {@link CustodyAction} defines; DESTROYED is terminal.
 */
public enum FirearmStatus {
  /** on record, not yet received into a stockpile */
  REGISTERED,
  IN_STOCK,
  /** with a holder (officer or unit), due back */
  ISSUED,
  /** dispatched from one location to another */
  IN_TRANSIT,
  /** at a laboratory, court or repairer */
  ON_LOAN,
  LOST,
  STOLEN,
  /** found again after a loss or theft, not yet back in stock */
  RECOVERED,
  /** held for a case, under chain of custody */
  EVIDENCE,
  SURPLUS,
  DESTRUCTION_PENDING,
  DESTROYED;

  /** The actions allowed from this state. */
  public java.util.List<CustodyAction> allowedActions() {
    return java.util.Arrays.stream(CustodyAction.values())
        .filter(a -> a.allowedFrom(this))
        .toList();
  }
}
