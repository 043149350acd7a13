package org.traza.registry.entity;

/** Where on the weapon a mark is; the frame or receiver is required, the others recommended. */
public enum MarkingLocation {
  FRAME_RECEIVER,
  SLIDE,
  BARREL,
  BOLT,
  OTHER
}
