package org.traza.scanner.decode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the patches of an image that may hold a symbol: cells with strong local contrast, grown by
 * one cell and joined into connected regions. ZXing's Data Matrix detector looks for one symbol
 * near the centre of what it is given; cropping each region lets it find every symbol of a label
 * sheet or of a photo with several marks.
 */
final class Regions {

  /** A rectangle of the image, in pixels. */
  record Box(int left, int top, int width, int height) {}

  static final int MAX_REGIONS = 40;

  private Regions() {}

  static List<Box> find(GrayImage image) {
    int w = image.width();
    int h = image.height();
    int cell = Math.max(4, Math.min(w, h) / 150);
    int cols = w / cell;
    int rows = h / cell;
    if (cols < 4 || rows < 4) {
      return List.of();
    }
    boolean[] textured = new boolean[cols * rows];
    for (int cy = 0; cy < rows; cy++) {
      for (int cx = 0; cx < cols; cx++) {
        int min = 255;
        int max = 0;
        // one pixel beyond the cell on each side, so that an edge on a cell border still counts
        for (int y = Math.max(0, cy * cell - 1); y < Math.min(h, (cy + 1) * cell + 1); y++) {
          for (int x = Math.max(0, cx * cell - 1); x < Math.min(w, (cx + 1) * cell + 1); x++) {
            int v = image.luminance(x, y);
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
        textured[cy * cols + cx] = max - min > 60;
      }
    }
    boolean[] grown = new boolean[textured.length];
    for (int cy = 0; cy < rows; cy++) {
      for (int cx = 0; cx < cols; cx++) {
        if (!textured[cy * cols + cx]) {
          continue;
        }
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int x = cx + dx;
            int y = cy + dy;
            if (x >= 0 && y >= 0 && x < cols && y < rows) {
              grown[y * cols + x] = true;
            }
          }
        }
      }
    }
    List<Box> boxes = new ArrayList<>();
    int[] seen = new int[grown.length];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < grown.length; start++) {
      if (!grown[start] || seen[start] != 0) {
        continue;
      }
      int minX = cols;
      int minY = rows;
      int maxX = -1;
      int maxY = -1;
      seen[start] = 1;
      queue.add(start);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        int x = i % cols;
        int y = i / cols;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        int[] next = {i - 1, i + 1, i - cols, i + cols};
        boolean[] ok = {x > 0, x < cols - 1, y > 0, y < rows - 1};
        for (int k = 0; k < 4; k++) {
          if (ok[k] && grown[next[k]] && seen[next[k]] == 0) {
            seen[next[k]] = 1;
            queue.add(next[k]);
          }
        }
      }
      int bw = maxX - minX + 1;
      int bh = maxY - minY + 1;
      // a symbol spans several cells; the whole image is what the other passes already saw
      if (bw < 4 || bh < 3 || (bw > cols * 0.8 && bh > rows * 0.8)) {
        continue;
      }
      int padX = Math.max(2, bw / 6);
      int padY = Math.max(2, bh / 6);
      int left = Math.max(0, (minX - padX) * cell);
      int top = Math.max(0, (minY - padY) * cell);
      int right = Math.min(w, (maxX + 1 + padX) * cell);
      int bottom = Math.min(h, (maxY + 1 + padY) * cell);
      boxes.add(new Box(left, top, right - left, bottom - top));
    }
    // largest first: symbols are larger than specks of texture
    boxes.sort(Comparator.comparingInt((Box b) -> b.width() * b.height()).reversed());
    return boxes.size() > MAX_REGIONS ? boxes.subList(0, MAX_REGIONS) : boxes;
  }
}
