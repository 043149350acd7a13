package org.traza.scanner.decode;

import java.util.List;

/**
 * One symbol found in an image.
 *
 * @param text the content in plain-text convention: for GS1 symbols without the leading FNC1 and
 *     with every later FNC1 as GS (0x1D); Data Matrix Macro 05/06 expanded to its ISO/IEC 15434
 *     envelope
 * @param gs1 whether the symbol declared GS1 content (FNC1 in first position)
 * @param corners where it was found, in the submitted image's coordinates (2 points for a linear
 *     symbol, 3 or 4 for a matrix symbol)
 * @param pass the decoding pass that found it, for diagnostics
 */
public record DecodedSymbol(
    Symbology symbology, String text, boolean gs1, List<Point> corners, String pass) {

  public DecodedSymbol {
    corners = List.copyOf(corners);
  }

  /**
   * The text as a GS1 or ISO/IEC 15434 parser expects it: GS1 content carries its AIM symbology
   * identifier ({@code ]d2}, {@code ]Q3}, {@code ]C1}) so that it is not mistaken for a serial.
   */
  public String payloadText() {
    if (!gs1) {
      return text;
    }
    return switch (symbology) {
      case DATA_MATRIX -> "]d2" + text;
      case QR_CODE -> "]Q3" + text;
      case CODE_128 -> "]C1" + text;
    };
  }
}
