package org.traza.scanner.decode;

import com.google.zxing.LuminanceSource;

/** ZXing's view of a {@link GrayImage}, without copying. */
final class GrayLuminanceSource extends LuminanceSource {

  private final GrayImage image;

  GrayLuminanceSource(GrayImage image) {
    super(image.width(), image.height());
    this.image = image;
  }

  @Override
  public byte[] getRow(int y, byte[] row) {
    int width = getWidth();
    byte[] out = row == null || row.length < width ? new byte[width] : row;
    System.arraycopy(image.pixels(), y * width, out, 0, width);
    return out;
  }

  @Override
  public boolean isRotateSupported() {
    return true;
  }

  @Override
  public LuminanceSource rotateCounterClockwise() {
    // a linear reader with TRY_HARDER also scans the image turned a quarter
    return new GrayLuminanceSource(image.rotatedClockwise().rotatedClockwise().rotatedClockwise());
  }

  @Override
  public byte[] getMatrix() {
    return image.pixels();
  }
}
