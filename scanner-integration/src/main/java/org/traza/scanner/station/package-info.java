/**
 * The station agent: a handheld or PC station that validates every scan locally, writes it to a
 * durable journal before anything else, and syncs the journal to the server's batch endpoint with
 * idempotency keys, so that a scan is never lost nor recorded twice, online or offline.
 */
package org.traza.scanner.station;
