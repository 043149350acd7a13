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
  TRANSFERRED_FROM_STATE
}
