package org.traza.custody.entity;

/** To whom a firearm is issued or lent. */
public enum HolderKind {
  OFFICER,
  UNIT,
  LABORATORY,
  COURT,
  REPAIRER,
  OTHER
}
