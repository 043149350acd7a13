package org.traza.scanner.decode;

import java.util.Objects;

/**
 * An 8-bit luminance image (0 black .. 255 white), row-major. Immutable: every operation returns a
 * new image. The decoder works on these only, so a station can feed camera frames without AWT.
 */
public final class GrayImage {

  private final int width;
  private final int height;
  private final byte[] pixels;

  private GrayImage(int width, int height, byte[] pixels) {
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  /** Wraps {@code pixels} (not copied: the caller hands them over). */
  public static GrayImage of(int width, int height, byte[] pixels) {
    Objects.requireNonNull(pixels, "pixels");
    if (width <= 0 || height <= 0 || (long) width * height != pixels.length) {
      throw new IllegalArgumentException(
          "a " + width + "x" + height + " image needs " + (long) width * height + " pixels");
    }
    return new GrayImage(width, height, pixels);
  }

  /**
   * From packed RGB pixels, with the luminance ZXing and zxing-cpp both use: (306R + 601G + 117B +
   * 512) >> 10. Fully transparent pixels count as white.
   */
  public static GrayImage fromArgb(int width, int height, int[] argb, boolean hasAlpha) {
    byte[] gray = new byte[argb.length];
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      if (hasAlpha && (p >>> 24) == 0) {
        gray[i] = (byte) 0xFF;
        continue;
      }
      int r = (p >> 16) & 0xFF;
      int g = (p >> 8) & 0xFF;
      int b = p & 0xFF;
      gray[i] = (byte) ((306 * r + 601 * g + 117 * b + 512) >> 10);
    }
    return of(width, height, gray);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The backing array; callers must not modify it. */
  byte[] pixels() {
    return pixels;
  }

  public int luminance(int x, int y) {
    return pixels[y * width + x] & 0xFF;
  }

  /** This image turned 90 degrees clockwise. */
  public GrayImage rotatedClockwise() {
    byte[] out = new byte[pixels.length];
    int newWidth = height;
    for (int y = 0; y < height; y++) {
      int row = y * width;
      int newX = height - 1 - y;
      for (int x = 0; x < width; x++) {
        out[x * newWidth + newX] = pixels[row + x];
      }
    }
    return new GrayImage(newWidth, width, out);
  }

  /** Left and right swapped (a symbol read through its substrate or from a mirrored print). */
  public GrayImage mirrored() {
    byte[] out = new byte[pixels.length];
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        out[row + width - 1 - x] = pixels[row + x];
      }
    }
    return new GrayImage(width, height, out);
  }

  /** Light marks on a dark ground become dark marks on a light ground. */
  public GrayImage inverted() {
    byte[] out = new byte[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      out[i] = (byte) (255 - (pixels[i] & 0xFF));
    }
    return new GrayImage(width, height, out);
  }

  /** Reduced by an integer factor, each output pixel the mean of a factor x factor block. */
  public GrayImage downscaled(int factor) {
    if (factor < 2) {
      throw new IllegalArgumentException("factor must be 2 or more");
    }
    int w = width / factor;
    int h = height / factor;
    byte[] out = new byte[w * h];
    int area = factor * factor;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sum = 0;
        for (int dy = 0; dy < factor; dy++) {
          int row = (y * factor + dy) * width + x * factor;
          for (int dx = 0; dx < factor; dx++) {
            sum += pixels[row + dx] & 0xFF;
          }
        }
        out[y * w + x] = (byte) (sum / area);
      }
    }
    return new GrayImage(w, h, out);
  }

  /** Enlarged by an integer factor with bilinear interpolation (tiny modules get more pixels). */
  public GrayImage upscaled(int factor) {
    int w = width * factor;
    int h = height * factor;
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      double sy = Math.max(0, (y + 0.5) / factor - 0.5);
      int y0 = Math.min((int) sy, height - 1);
      int y1 = Math.min(y0 + 1, height - 1);
      double fy = sy - y0;
      for (int x = 0; x < w; x++) {
        double sx = Math.max(0, (x + 0.5) / factor - 0.5);
        int x0 = Math.min((int) sx, width - 1);
        int x1 = Math.min(x0 + 1, width - 1);
        double fx = sx - x0;
        double top = luminance(x0, y0) * (1 - fx) + luminance(x1, y0) * fx;
        double bottom = luminance(x0, y1) * (1 - fx) + luminance(x1, y1) * fx;
        out[y * w + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
      }
    }
    return new GrayImage(w, h, out);
  }

  /**
   * Turned {@code degrees} clockwise about its centre with bilinear sampling, on a canvas that
   * holds the whole turned image; the corners are filled with the background tone.
   */
  public GrayImage rotated(double degrees) {
    double rad = Math.toRadians(degrees);
    double cos = Math.cos(rad);
    double sin = Math.sin(rad);
    int w = (int) Math.ceil(Math.abs(width * cos) + Math.abs(height * sin));
    int h = (int) Math.ceil(Math.abs(width * sin) + Math.abs(height * cos));
    byte background = (byte) backgroundTone();
    byte[] out = new byte[w * h];
    double cx = (width - 1) / 2.0;
    double cy = (height - 1) / 2.0;
    double ncx = (w - 1) / 2.0;
    double ncy = (h - 1) / 2.0;
    for (int y = 0; y < h; y++) {
      double dy = y - ncy;
      for (int x = 0; x < w; x++) {
        double dx = x - ncx;
        // inverse rotation: where in the source this output pixel comes from
        double sx = cos * dx + sin * dy + cx;
        double sy = -sin * dx + cos * dy + cy;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) {
          out[y * w + x] = background;
          continue;
        }
        double fx = sx - x0;
        double fy = sy - y0;
        double top = luminance(x0, y0) * (1 - fx) + luminance(x0 + 1, y0) * fx;
        double bottom = luminance(x0, y0 + 1) * (1 - fx) + luminance(x0 + 1, y0 + 1) * fx;
        out[y * w + x] = (byte) (int) (top * (1 - fy) + bottom * fy + 0.5);
      }
    }
    return new GrayImage(w, h, out);
  }

  /**
   * The angle in [-45, 45) degrees by which the image's strong edges are turned from the axes: the
   * peak of a gradient-orientation histogram folded onto a quarter turn. A photographed label or
   * symbol dominates it; turning the image back by it squares the symbol up.
   */
  public double dominantEdgeAngle() {
    int factor = Math.max(1, Math.max(width, height) / 640);
    GrayImage small = factor > 1 ? downscaled(factor) : this;
    int w = small.width;
    int h = small.height;
    // a 3x3 box blur first: central differences of a sharp step only ever point at 0 or 45 degrees
    int[] blur = new int[w * h];
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int sum = 0;
        for (int dy = -1; dy <= 1; dy++) {
          int row = (y + dy) * w + x;
          sum +=
              (small.pixels[row - 1] & 0xFF)
                  + (small.pixels[row] & 0xFF)
                  + (small.pixels[row + 1] & 0xFF);
        }
        blur[y * w + x] = sum;
      }
    }
    double[] bins = new double[90];
    for (int y = 2; y < h - 2; y++) {
      for (int x = 2; x < w - 2; x++) {
        int i = y * w + x;
        // Sobel on the blurred image (values are nine times the mean)
        int gx =
            blur[i - w + 1]
                + 2 * blur[i + 1]
                + blur[i + w + 1]
                - blur[i - w - 1]
                - 2 * blur[i - 1]
                - blur[i + w - 1];
        int gy =
            blur[i + w - 1]
                + 2 * blur[i + w]
                + blur[i + w + 1]
                - blur[i - w - 1]
                - 2 * blur[i - w]
                - blur[i - w + 1];
        double magnitude = Math.sqrt((double) gx * gx + (double) gy * gy) / 36;
        if (magnitude < 20) {
          continue;
        }
        double angle = Math.toDegrees(Math.atan2(gy, gx));
        int bin = (int) Math.floor(((angle % 90) + 90) % 90);
        bins[Math.min(bin, 89)] += magnitude;
      }
    }
    int best = 0;
    double bestScore = -1;
    for (int i = 0; i < 90; i++) {
      double score =
          bins[(i + 88) % 90]
              + 2 * bins[(i + 89) % 90]
              + 3 * bins[i]
              + 2 * bins[(i + 1) % 90]
              + bins[(i + 2) % 90];
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best >= 45 ? best - 90 : best;
  }

  /**
   * Each pixel the darkest within {@code radius} (a square window): the separate round dots of a
   * dot-peen mark grow into the touching modules a detector expects.
   */
  public GrayImage darkSpread(int radius) {
    byte[] horizontal = new byte[pixels.length];
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        int min = 255;
        for (int dx = Math.max(0, x - radius); dx <= Math.min(width - 1, x + radius); dx++) {
          min = Math.min(min, pixels[row + dx] & 0xFF);
        }
        horizontal[row + x] = (byte) min;
      }
    }
    byte[] out = new byte[pixels.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int min = 255;
        for (int dy = Math.max(0, y - radius); dy <= Math.min(height - 1, y + radius); dy++) {
          min = Math.min(min, horizontal[dy * width + x] & 0xFF);
        }
        out[y * width + x] = (byte) min;
      }
    }
    return new GrayImage(width, height, out);
  }

  /** The rectangle from ({@code left}, {@code top}), {@code w} x {@code h} pixels. */
  public GrayImage cropped(int left, int top, int w, int h) {
    if (left < 0 || top < 0 || w <= 0 || h <= 0 || left + w > width || top + h > height) {
      throw new IllegalArgumentException("crop outside the image");
    }
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(pixels, (top + y) * width + left, out, y * w, w);
    }
    return new GrayImage(w, h, out);
  }

  /**
   * Surrounded by a border of {@code size} pixels in the image's own background tone, which gives a
   * tightly cropped symbol the quiet zone its detector looks for.
   */
  public GrayImage withBorder(int size) {
    int background = backgroundTone();
    int w = width + 2 * size;
    int h = height + 2 * size;
    byte[] out = new byte[w * h];
    java.util.Arrays.fill(out, (byte) background);
    for (int y = 0; y < height; y++) {
      System.arraycopy(pixels, y * width, out, (y + size) * w + size, width);
    }
    return new GrayImage(w, h, out);
  }

  /** White, or black when the image's edge is mostly dark (an inverted symbol). */
  private int backgroundTone() {
    long sum = 0;
    for (int x = 0; x < width; x++) {
      sum += luminance(x, 0) + luminance(x, height - 1);
    }
    for (int y = 0; y < height; y++) {
      sum += luminance(0, y) + luminance(width - 1, y);
    }
    return sum / (2L * (width + height)) < 128 ? 0 : 255;
  }
}
