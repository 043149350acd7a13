package org.traza.marking.entity;

/** Output formats of a rendered symbol. */
public enum SymbolFormat {
  /** A raster image at a given module size, for labels and screens. */
  PNG("image/png"),
  /** Vector squares, for laser and dot-peen marking software. */
  SVG("image/svg+xml"),
  /** Zebra Programming Language: one label with the printer drawing the symbol itself. */
  ZPL("application/zpl");

  private final String mediaType;

  SymbolFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }
}
