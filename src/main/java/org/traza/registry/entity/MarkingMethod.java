package org.traza.registry.entity;

/** How a mark was applied. */
public enum MarkingMethod {
  LASER,
  DOT_PEEN,
  STAMP,
  ENGRAVING,
  CAST,
  LABEL,
  OTHER
}
