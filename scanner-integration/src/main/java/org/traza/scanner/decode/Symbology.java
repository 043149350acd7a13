package org.traza.scanner.decode;

/** The symbologies Traza marks with and reads. */
public enum Symbology {
  DATA_MATRIX,
  QR_CODE,
  CODE_128
}
