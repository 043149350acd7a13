package org.traza.platform.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes an A4 document top to bottom (headings, label/value pairs, table rows, wrapped paragraphs,
 * an image with lines beside it), starting a new page when one is full: the layout that
 * certificates and trace responses share.
 */
public final class PdfPages implements AutoCloseable {

  public static final PDType1Font BODY = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  public static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  private static final float MARGIN = 50;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private final PDDocument doc;
  private PDPageContentStream cs;
  private float y;

  public PdfPages(PDDocument doc) throws IOException {
    this.doc = doc;
    newPage();
  }

  private void newPage() throws IOException {
    if (cs != null) {
      cs.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    cs = new PDPageContentStream(doc, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  private void room(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  public void gap(float points) {
    y -= points;
  }

  /** One line, cut to fit. */
  public void text(PDType1Font font, float size, String s) throws IOException {
    room(size + 4);
    y -= size + 4;
    show(font, size, MARGIN, s, 95);
  }

  /** A paragraph wrapped at the page's width. */
  public void paragraph(float size, String s) throws IOException {
    for (String line : wrap(BODY, size, printable(s, Integer.MAX_VALUE), WIDTH)) {
      room(size + 3);
      y -= size + 3;
      show(BODY, size, MARGIN, line, Integer.MAX_VALUE);
    }
  }

  /** A bold label and its value. */
  public void pair(String label, String value) throws IOException {
    room(14);
    y -= 14;
    show(BOLD, 9, MARGIN, label, 30);
    show(BODY, 9, MARGIN + 140, value == null ? "" : value, 70);
  }

  /** A table row: {@code cols} are the cells' offsets from the margin. */
  public void row(PDType1Font font, float[] cols, String... cells) throws IOException {
    room(12);
    y -= 12;
    for (int i = 0; i < cells.length; i++) {
      float room = (i + 1 < cols.length ? cols[i + 1] : WIDTH) - cols[i];
      int max = Math.max(4, (int) (room / 4.2f));
      show(font, 8, MARGIN + cols[i], cells[i] == null ? "" : cells[i], max);
    }
  }

  /** A square image of {@code size} points with {@code lines} of small text beside it. */
  public void image(byte[] png, String name, float size, List<String> lines) throws IOException {
    room(size + 40);
    PDImageXObject image = PDImageXObject.createFromByteArray(doc, png, name);
    y -= size;
    cs.drawImage(image, MARGIN, y, size, size);
    float x = MARGIN + size + 12;
    float ty = y + size - 12;
    for (String line : lines) {
      cs.beginText();
      cs.setFont(BODY, 8);
      cs.newLineAtOffset(x, ty);
      cs.showText(printable(line, 100));
      cs.endText();
      ty -= 11;
    }
  }

  private void show(PDType1Font font, float size, float x, String s, int max) throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(printable(s, max));
    cs.endText();
  }

  @Override
  public void close() throws IOException {
    cs.close();
  }

  /**
   * Characters Helvetica's WinAnsi encoding lacks become '?'; text longer than {@code max} is cut.
   */
  public static String printable(String text, int max) {
    return printable(BODY, text, max);
  }

  /**
   * Characters {@code font} cannot encode (Cyrillic, CJK... in the standard 14 fonts) become '?';
   * text longer than {@code max} is cut with an ellipsis.
   */
  public static String printable(PDType1Font font, String text, int max) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              String s = new String(Character.toChars(cp));
              try {
                font.encode(s);
                out.append(s);
              } catch (IOException | IllegalArgumentException e) {
                out.append('?');
              }
            });
    return out.length() > max ? out.substring(0, max - 1) + "\u2026" : out.toString();
  }

  /** Breaks {@code text} into lines no wider than {@code width} points, at spaces where it can. */
  static List<String> wrap(PDType1Font font, float size, String text, float width)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String para : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : para.split(" ")) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (font.getStringWidth(candidate) / 1000 * size <= width || line.length() == 0) {
          line.setLength(0);
          line.append(candidate);
        } else {
          lines.add(line.toString());
          line.setLength(0);
          line.append(word);
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
