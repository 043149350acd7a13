package org.traza.marking.entity;

/**
 * How to render a symbol.
 *
 * @param symbology which symbol
 * @param format PNG or SVG
 * @param moduleSize pixels per module (PNG) or user units per module (SVG), 1-40
 * @param rectangular Data Matrix only: a rectangular symbol (for narrow parts) instead of square
 * @param errorCorrection QR only: L, M, Q or H
 */
public record SymbolSpec(
    Symbology symbology,
    SymbolFormat format,
    int moduleSize,
    boolean rectangular,
    String errorCorrection) {

  public static final int MAX_MODULE_SIZE = 40;

  public SymbolSpec {
    if (moduleSize < 1 || moduleSize > MAX_MODULE_SIZE) {
      throw new IllegalArgumentException("moduleSize must be between 1 and " + MAX_MODULE_SIZE);
    }
    if (!"LMQH".contains(errorCorrection) || errorCorrection.length() != 1) {
      throw new IllegalArgumentException("errorCorrection must be L, M, Q or H");
    }
  }
}
