package org.traza.custody.entity;

/** Levels of the location hierarchy: agency, armoury, then vault or room, then rack or bin. */
public enum LocationKind {
  AGENCY,
  ARMOURY,
  VAULT,
  ROOM,
  RACK,
  BIN,
  /** outside the state's stockpiles (a laboratory, a court) */
  EXTERNAL
}
