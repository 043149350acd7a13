package org.traza.scanner.decode;

/**
 * Maps a point of a transformed image back to the submitted image: x' = ax + by + c, y' = dx + ey +
 * f.
 */
record Affine(double a, double b, double c, double d, double e, double f) implements PointMap {

  static final Affine IDENTITY = new Affine(1, 0, 0, 0, 1, 0);

  @Override
  public Point apply(double x, double y) {
    return new Point(a * x + b * y + c, d * x + e * y + f);
  }

  /** First {@code inner}, then this. */
  Affine after(Affine inner) {
    return new Affine(
        a * inner.a + b * inner.d,
        a * inner.b + b * inner.e,
        a * inner.c + b * inner.f + c,
        d * inner.a + e * inner.d,
        d * inner.b + e * inner.e,
        d * inner.c + e * inner.f + f);
  }

  /** Back from an image turned clockwise, whose source had {@code sourceHeight} rows. */
  static Affine fromClockwise(int sourceHeight) {
    // rotated (x', y') shows source (y', sourceHeight - 1 - x')
    return new Affine(0, 1, 0, -1, 0, sourceHeight - 1);
  }

  /**
   * Back from {@code turned}, the source ({@code width} x {@code height}) turned {@code -degrees}
   * about its centre onto a larger canvas.
   */
  static Affine fromRotation(double degrees, int width, int height, GrayImage turned) {
    double rad = Math.toRadians(-degrees);
    double cos = Math.cos(rad);
    double sin = Math.sin(rad);
    double cx = (width - 1) / 2.0;
    double cy = (height - 1) / 2.0;
    double ncx = (turned.width() - 1) / 2.0;
    double ncy = (turned.height() - 1) / 2.0;
    // source = R^-1 (p - ncentre) + centre, as GrayImage.rotated samples it
    return new Affine(cos, sin, -cos * ncx - sin * ncy + cx, -sin, cos, sin * ncx - cos * ncy + cy);
  }

  static Affine fromMirror(int width) {
    return new Affine(-1, 0, width - 1, 0, 1, 0);
  }

  static Affine fromScale(double factor) {
    return new Affine(1 / factor, 0, 0, 0, 1 / factor, 0);
  }

  static Affine fromBorder(int size) {
    return new Affine(1, 0, -size, 0, 1, -size);
  }
}
