package org.traza.custody.entity;

import java.time.Instant;

/**
 * A firearm dispatched to one place was received at another (outside the destination's subtree):
 * what was sent and what arrived differ. Fired inside the receiving transaction; the stockpile
 * opens a discrepancy case for it.
 */
public record TransferMisdelivered(
    long firearmId, long eventId, long dispatchedTo, long receivedAt, String actor, Instant at) {}
