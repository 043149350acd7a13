package org.traza.marking.entity;

/**
 * What one label shows: the symbol's payload and, under it, the human-readable identity.
 *
 * @param caption make and model
 * @param serial the serial as marked on the firearm
 */
public record LabelContent(long registryId, String payload, String caption, String serial) {}
