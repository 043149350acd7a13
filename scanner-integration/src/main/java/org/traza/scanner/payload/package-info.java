/**
 * Marking payloads shared by the server and the handheld stations.
 *
 * <p>Plain Java with no server dependency, in the spirit of ZXing's core: each payload format gets
 * one small parser here, and both sides use the same code so that a station rejects locally exactly
 * what the server would reject. This foundation holds only serial-number normalisation; the
 * markings issue adds the Traza marking, ISO/IEC 15434 and GS1 formats.
 */
package org.traza.scanner.payload;
