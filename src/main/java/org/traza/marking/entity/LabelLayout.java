package org.traza.marking.entity;

/**
 * A sheet of labels: page, grid and label size in millimetres. The defaults are those of the common
 * A4 sheet of 21 labels (3 x 7, 63.5 x 38.1 mm, as Avery L7160 and its equivalents).
 *
 * @param page A4 or LETTER
 */
public record LabelLayout(
    String page,
    int columns,
    int rows,
    double labelWidthMm,
    double labelHeightMm,
    double marginLeftMm,
    double marginTopMm,
    double gapXMm,
    double gapYMm) {

  public static final LabelLayout DEFAULT =
      new LabelLayout("A4", 3, 7, 63.5, 38.1, 7.2, 15.1, 2.5, 0);

  public static final int MAX_CELLS = 400;

  public LabelLayout {
    if (!"A4".equals(page) && !"LETTER".equals(page)) {
      throw new IllegalArgumentException("page must be A4 or LETTER");
    }
    if (columns < 1 || rows < 1 || columns * rows > MAX_CELLS) {
      throw new IllegalArgumentException(
          "columns and rows must be at least 1, and at most " + MAX_CELLS + " labels a page");
    }
    if (labelWidthMm < 10 || labelHeightMm < 10) {
      throw new IllegalArgumentException("labels must be at least 10 x 10 mm");
    }
    if (marginLeftMm < 0 || marginTopMm < 0 || gapXMm < 0 || gapYMm < 0) {
      throw new IllegalArgumentException("margins and gaps must not be negative");
    }
    double width = marginLeftMm + columns * labelWidthMm + (columns - 1) * gapXMm;
    double height = marginTopMm + rows * labelHeightMm + (rows - 1) * gapYMm;
    if (width > pageWidthMm(page) + 0.01 || height > pageHeightMm(page) + 0.01) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "the grid needs %.1f x %.1f mm but a %s page is %.1f x %.1f mm",
              width,
              height,
              page,
              pageWidthMm(page),
              pageHeightMm(page)));
    }
  }

  public int perPage() {
    return columns * rows;
  }

  public static double pageWidthMm(String page) {
    return "A4".equals(page) ? 210 : 215.9;
  }

  public static double pageHeightMm(String page) {
    return "A4".equals(page) ? 297 : 279.4;
  }
}
