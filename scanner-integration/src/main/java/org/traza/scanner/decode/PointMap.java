package org.traza.scanner.decode;

/** Maps a point of a derived image back to the image it was derived from. */
@FunctionalInterface
interface PointMap {

  Point apply(double x, double y);

  /** First {@code inner}, then this. */
  default PointMap after(PointMap inner) {
    return (x, y) -> {
      Point p = inner.apply(x, y);
      return apply(p.x(), p.y());
    };
  }
}
