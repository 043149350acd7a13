package org.traza.registry.entity;

/**
 * Release conditions of a record (CIFTA Art. XII, Protocol 12.5): UNRESTRICTED may be shared in
 * trace answers; RESTRICTED and CONFIDENTIAL details need the originator's consent for foreign
 * requesters.
 */
public enum Confidentiality {
  UNRESTRICTED,
  RESTRICTED,
  CONFIDENTIAL
}
