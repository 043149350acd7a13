package org.traza.registry.entity;

/** Why a mark was applied (ISACS 05.30). */
public enum MarkingKind {
  MANUFACTURE,
  IMPORT,
  STATE_OWNERSHIP,
  CONFISCATION,
  DEACTIVATION,
  CIVIL_TRANSFER,
  RE_MARKING
}
