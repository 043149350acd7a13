package org.traza.marking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.traza.marking.control.SymbolRenderer;
import org.traza.marking.entity.SymbolFormat;
import org.traza.marking.entity.SymbolSpec;
import org.traza.marking.entity.Symbology;
import org.traza.platform.entity.ProblemException;

/** Renders any short text as a symbol for other features (location and bin labels). */
@ApplicationScoped
public class SymbolPrinter {

  @Inject SymbolRenderer renderer;

  /** A rendered symbol and its media type. */
  public record Printed(byte[] bytes, String mediaType) {}

  /**
   * @param symbology DATAMATRIX, QR or CODE128
   * @param format png, svg or zpl
   */
  public Printed print(String text, String symbology, String format, int moduleSize) {
    Symbology s;
    SymbolFormat f;
    try {
      s = SymbolRenderer.symbology(symbology);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("symbology", "use DATAMATRIX, QR or CODE128");
    }
    try {
      f = SymbolFormat.valueOf(format.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("format", "use png, svg or zpl");
    }
    try {
      SymbolRenderer.Rendered r =
          renderer.render(text, new SymbolSpec(s, f, moduleSize, false, "M"));
      return new Printed(r.bytes(), r.mediaType());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("moduleSize", e.getMessage());
    }
  }
}
