package org.traza.registry.entity;

import java.time.Instant;

/**
 * A firearm on record as DESTROYED was scanned or acted on again: either the record or the
 * destruction is false, and auditors must see it. Fired by whichever feature saw it (custody,
 * marking, stockpile); the destruction feature keeps it as an alert, in a transaction of its own so
 * that a refused action does not take the alert down with it.
 */
public record DestroyedFirearmSighted(long firearmId, String how, String actor, Instant at) {}
