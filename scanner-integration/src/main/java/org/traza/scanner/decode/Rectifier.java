package org.traza.scanner.decode;

import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.common.PerspectiveTransform;
import java.util.List;
import java.util.Optional;

/**
 * Squares up a symbol seen in perspective: finds the dark, textured blob that a Data Matrix makes,
 * takes its four outermost corners and warps that quadrilateral onto a square with a quiet zone.
 * ZXing's Data Matrix detector expects a nearly square symbol; this gives it one.
 */
final class Rectifier {

  /** The squared-up image, and the way back to the image it came from. */
  record Rectified(GrayImage image, PointMap toSource) {}

  private Rectifier() {}

  /**
   * @param strictTexture find the symbol as the largest patch crossed by edges in both directions
   *     (keeps a dark background out); otherwise take the largest region of contrast as a whole
   */
  static Optional<Rectified> rectify(GrayImage image, boolean strictTexture) {
    int w = image.width();
    int h = image.height();
    BitMatrix dark;
    try {
      dark = new HybridBinarizer(new GrayLuminanceSource(image)).getBlackMatrix();
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    // the blob: the largest connected patch of cells crossed by several edges in both directions
    // (a symbol's modules), which a straight edge of the background is not
    int cell = cellSize(w, h);
    int cols = w / cell;
    boolean[] blob = strictTexture ? blob(dark, w, h) : regionBlob(image, cell, cols, h / cell);
    // the four corners: the dark pixels of the box furthest along each diagonal
    double[][] best = new double[4][3];
    for (double[] b : best) {
      b[2] = Double.NEGATIVE_INFINITY;
    }
    int[][] dirs = {
      {-1, -1}, {1, -1}, {1, 1}, {-1, 1}
    }; // top-left, top-right, bottom-right, bottom-left
    int darkCount = 0;
    if (blob == null) {
      return Optional.empty();
    }
    for (int y = 0; y < (h / cell) * cell; y++) {
      for (int x = 0; x < cols * cell; x++) {
        if (!blob[(y / cell) * cols + x / cell] || !dark.get(x, y) || !denseAround(dark, x, y)) {
          continue;
        }
        darkCount++;
        for (int k = 0; k < 4; k++) {
          double score = dirs[k][0] * x + dirs[k][1] * y;
          if (score > best[k][2]) {
            best[k][0] = x;
            best[k][1] = y;
            best[k][2] = score;
          }
        }
      }
    }
    if (darkCount < 64) {
      return Optional.empty();
    }
    double side =
        Math.max(
            Math.max(dist(best[0], best[1]), dist(best[1], best[2])),
            Math.max(dist(best[2], best[3]), dist(best[3], best[0])));
    if (side < 12) {
      return Optional.empty();
    }
    int size = (int) Math.ceil(side);
    int margin = Math.max(4, size / 8);
    int out = size + 2 * margin;
    // destination square (margin .. margin + size) -> source quadrilateral
    PerspectiveTransform toQuad =
        PerspectiveTransform.quadrilateralToQuadrilateral(
            margin,
            margin,
            margin + size,
            margin,
            margin + size,
            margin + size,
            margin,
            margin + size,
            (float) best[0][0],
            (float) best[0][1],
            (float) best[1][0],
            (float) best[1][1],
            (float) best[2][0],
            (float) best[2][1],
            (float) best[3][0],
            (float) best[3][1]);
    byte[] px = new byte[out * out];
    float[] point = new float[2];
    for (int y = 0; y < out; y++) {
      for (int x = 0; x < out; x++) {
        point[0] = x + 0.5f;
        point[1] = y + 0.5f;
        toQuad.transformPoints(point);
        int sx = (int) point[0];
        int sy = (int) point[1];
        px[y * out + x] =
            (byte) (sx >= 0 && sy >= 0 && sx < w && sy < h ? image.luminance(sx, sy) : 255);
      }
    }
    PointMap back =
        (x, y) -> {
          float[] p = {(float) x, (float) y};
          toQuad.transformPoints(p);
          return new Point(p[0], p[1]);
        };
    return Optional.of(new Rectified(GrayImage.of(out, out, px), back));
  }

  /** The cells inside the largest region of contrast that {@link Regions} finds. */
  private static boolean[] regionBlob(GrayImage image, int cell, int cols, int rows) {
    List<Regions.Box> boxes = Regions.find(image);
    Regions.Box box =
        boxes.isEmpty() ? new Regions.Box(0, 0, image.width(), image.height()) : boxes.get(0);
    boolean[] blob = new boolean[cols * rows];
    for (int cy = 0; cy < rows; cy++) {
      for (int cx = 0; cx < cols; cx++) {
        int x = cx * cell + cell / 2;
        int y = cy * cell + cell / 2;
        blob[cy * cols + cx] =
            x >= box.left()
                && y >= box.top()
                && x < box.left() + box.width()
                && y < box.top() + box.height();
      }
    }
    return blob;
  }

  private static int cellSize(int w, int h) {
    return Math.max(8, Math.min(w, h) / 12);
  }

  /** The cells of the largest textured patch, grown by one cell; null when there is none. */
  private static boolean[] blob(BitMatrix dark, int w, int h) {
    int cell = cellSize(w, h);
    int cols = w / cell;
    int rows = h / cell;
    if (cols < 3 || rows < 3) {
      return null;
    }
    boolean[] textured = new boolean[cols * rows];
    for (int cy = 0; cy < rows; cy++) {
      for (int cx = 0; cx < cols; cx++) {
        int busyRows = 0;
        for (int y = cy * cell; y < (cy + 1) * cell; y++) {
          int changes = 0;
          for (int x = Math.max(1, cx * cell); x < (cx + 1) * cell; x++) {
            if (dark.get(x, y) != dark.get(x - 1, y)) {
              changes++;
            }
          }
          busyRows += changes >= 2 ? 1 : 0;
        }
        int busyCols = 0;
        for (int x = cx * cell; x < (cx + 1) * cell; x++) {
          int changes = 0;
          for (int y = Math.max(1, cy * cell); y < (cy + 1) * cell; y++) {
            if (dark.get(x, y) != dark.get(x, y - 1)) {
              changes++;
            }
          }
          busyCols += changes >= 2 ? 1 : 0;
        }
        textured[cy * cols + cx] = busyRows >= cell / 4 && busyCols >= cell / 4;
      }
    }
    boolean[] grown = new boolean[textured.length];
    for (int i = 0; i < textured.length; i++) {
      if (!textured[i]) {
        continue;
      }
      int x = i % cols;
      int y = i / cols;
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          if (x + dx >= 0 && y + dy >= 0 && x + dx < cols && y + dy < rows) {
            grown[(y + dy) * cols + x + dx] = true;
          }
        }
      }
    }
    textured = grown;
    int[] label = new int[textured.length];
    int bestLabel = 0;
    int bestSize = 0;
    int next = 0;
    java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
    for (int start = 0; start < textured.length; start++) {
      if (!textured[start] || label[start] != 0) {
        continue;
      }
      next++;
      int size = 0;
      label[start] = next;
      queue.add(start);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        size++;
        int x = i % cols;
        int y = i / cols;
        int[] around = {i - 1, i + 1, i - cols, i + cols};
        boolean[] inside = {x > 0, x < cols - 1, y > 0, y < rows - 1};
        for (int k = 0; k < 4; k++) {
          if (inside[k] && textured[around[k]] && label[around[k]] == 0) {
            label[around[k]] = next;
            queue.add(around[k]);
          }
        }
      }
      if (size > bestSize) {
        bestSize = size;
        bestLabel = next;
      }
    }
    if (bestSize < 4) {
      return null;
    }
    boolean[] blob = new boolean[textured.length];
    for (int i = 0; i < label.length; i++) {
      blob[i] = label[i] == bestLabel;
    }
    return blob;
  }

  /** A dark pixel with dark neighbours: part of a module, not a speck of noise. */
  private static boolean denseAround(BitMatrix dark, int x, int y) {
    int count = 0;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int xx = x + dx;
        int yy = y + dy;
        if (xx >= 0
            && yy >= 0
            && xx < dark.getWidth()
            && yy < dark.getHeight()
            && dark.get(xx, yy)) {
          count++;
        }
      }
    }
    return count >= 5;
  }

  private static double dist(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }
}
