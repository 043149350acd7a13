package org.traza.scanner.station;

import java.time.Instant;

/**
 * One scan as the journal keeps it: its place in the station's order, the idempotency key that
 * makes every retry act at most once, what was read, and when the station read it.
 *
 * @param seq the scan's number at this station, from 1
 * @param key the idempotency key sent with it (the station's code and a random UUID)
 * @param mode what the scan does
 * @param targetId the location or holder id the mode needs
 * @param text the text read from the marking (or typed)
 * @param deviceTime the station's clock when it was read (kept beside the server's time)
 */
public record Scan(
    long seq, String key, Mode mode, long targetId, String text, Instant deviceTime) {}
