/**
 * Reading Data Matrix, QR and Code 128 symbols from photos, shared by the server and the stations.
 *
 * <p>{@link org.traza.scanner.decode.SymbolDecoder} runs ZXing's readers (and BoofCV's for QR) over
 * views of a {@link org.traza.scanner.decode.GrayImage}; {@link org.traza.scanner.decode.Images}
 * turns uploaded bytes into one, refusing bad input before decoding. The benchmark over
 * ../shared/bench/barcodes is {@code DecoderBenchmark} in the tests ({@code mvn -Pbench verify}).
 */
package org.traza.scanner.decode;
