package org.traza.registry.entity;

/** Where the firearm stands. The custody feature extends this lifecycle beyond REGISTERED. */
public enum FirearmStatus {
  REGISTERED
}
