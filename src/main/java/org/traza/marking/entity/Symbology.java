package org.traza.marking.entity;

/** The symbols Traza renders: Data Matrix for direct part marking (the default), QR, Code 128. */
public enum Symbology {
  DATAMATRIX,
  QR,
  CODE128
}
