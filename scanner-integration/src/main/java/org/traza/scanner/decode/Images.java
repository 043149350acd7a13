package org.traza.scanner.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG, JPEG (and WebP where an ImageIO plug-in is present) into a {@link GrayImage}, checking
 * the declared size before a single pixel is decoded, so a 30000 x 30000 header costs nothing.
 */
public final class Images {

  private Images() {}

  /**
   * @param maxPixels the largest width x height accepted
   * @throws UnreadableImageException when empty, not an image, damaged or too large
   */
  public static GrayImage read(byte[] bytes, long maxPixels) throws UnreadableImageException {
    if (bytes == null || bytes.length == 0) {
      throw new UnreadableImageException(
          UnreadableImageException.Reason.EMPTY, "The image is empty.");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (in == null || !readers.hasNext()) {
        throw new UnreadableImageException(
            UnreadableImageException.Reason.NOT_AN_IMAGE,
            "The data is not a PNG, JPEG or WebP image.");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw new UnreadableImageException(
              UnreadableImageException.Reason.DAMAGED, "The image declares no pixels.");
        }
        if (width * height > maxPixels) {
          throw new UnreadableImageException(
              UnreadableImageException.Reason.TOO_LARGE,
              "The image is "
                  + width
                  + " x "
                  + height
                  + " pixels; at most "
                  + maxPixels / 1_000_000.0
                  + " megapixels are decoded.");
        }
        return toGray(reader.read(0));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new UnreadableImageException(
          UnreadableImageException.Reason.DAMAGED, "The image is damaged or truncated.");
    }
  }

  /** The luminance ZXing's own BufferedImageLuminanceSource would compute. */
  public static GrayImage toGray(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
        && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
        && buffer.getData().length == width * height) {
      return GrayImage.of(width, height, buffer.getData().clone());
    }
    int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
    return GrayImage.fromArgb(width, height, argb, image.getColorModel().hasAlpha());
  }
}
