package org.traza.registry.entity;

/**
 * How the firearm came into the state's records. Seized ones end only in official use or
 * destruction.
 */
public enum Provenance {
  MANUFACTURED_HERE,
  IMPORTED,
  SEIZED,
  SURRENDERED,
  FOUND,
  TRANSFERRED_FROM_STATE;

  /**
   * The mark a firearm of this provenance must carry before it is released (UN Firearms Protocol
   * Art. 8.1(b) and (c), ITI paragraph 8(b) to (e)): an import mark, a confiscation mark for seized
   * weapons kept for official use, a mark of the transferring state.
   */
  public java.util.Optional<MarkingKind> requiredMarking() {
    return java.util.Optional.ofNullable(
        switch (this) {
          case IMPORTED -> MarkingKind.IMPORT;
          case SEIZED -> MarkingKind.CONFISCATION;
          case TRANSFERRED_FROM_STATE -> MarkingKind.CIVIL_TRANSFER;
          case MANUFACTURED_HERE, SURRENDERED, FOUND -> null;
        });
  }
}
