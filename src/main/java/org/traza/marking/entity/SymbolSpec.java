package org.traza.marking.entity;

/**
 * How to render a symbol.
 *
 * @param symbology which symbol
 * @param format PNG or SVG
 * @param moduleSize pixels per module (PNG) or user units per module (SVG), 1-40
 * @param rectangular Data Matrix only: a rectangular symbol (for narrow parts) instead of square
 * @param errorCorrection QR only: L, M, Q or H
 * @param sizeMm when set, the symbol's width in millimetres without its quiet zone: the module size
 *     then follows from it and {@code dpi}, and {@code moduleSize} is ignored
 * @param dpi printer or image resolution for {@code sizeMm} (PNG pHYs chunk, ZPL dots)
 */
public record SymbolSpec(
    Symbology symbology,
    SymbolFormat format,
    int moduleSize,
    boolean rectangular,
    String errorCorrection,
    Double sizeMm,
    int dpi) {

  public static final int MAX_MODULE_SIZE = 40;
  public static final double MAX_SIZE_MM = 500;
  public static final int MIN_DPI = 72;
  public static final int MAX_DPI = 2400;

  public SymbolSpec(
      Symbology symbology,
      SymbolFormat format,
      int moduleSize,
      boolean rectangular,
      String errorCorrection) {
    this(symbology, format, moduleSize, rectangular, errorCorrection, null, 300);
  }

  public SymbolSpec {
    if (sizeMm != null && (sizeMm.isNaN() || sizeMm < 1 || sizeMm > MAX_SIZE_MM)) {
      throw new IllegalArgumentException("sizeMm must be between 1 and " + MAX_SIZE_MM);
    }
    if (dpi < MIN_DPI || dpi > MAX_DPI) {
      throw new IllegalArgumentException("dpi must be between " + MIN_DPI + " and " + MAX_DPI);
    }
    if (moduleSize < 1 || moduleSize > MAX_MODULE_SIZE) {
      throw new IllegalArgumentException("moduleSize must be between 1 and " + MAX_MODULE_SIZE);
    }
    if (!"LMQH".contains(errorCorrection) || errorCorrection.length() != 1) {
      throw new IllegalArgumentException("errorCorrection must be L, M, Q or H");
    }
  }
}
