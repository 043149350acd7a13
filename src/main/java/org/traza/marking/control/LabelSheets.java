package org.traza.marking.control;

import com.google.zxing.common.BitMatrix;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.traza.marking.entity.LabelContent;
import org.traza.marking.entity.LabelLayout;
import org.traza.marking.entity.SymbolFormat;
import org.traza.marking.entity.SymbolSpec;
import org.traza.marking.entity.Symbology;

/**
 * PDF sheets of labels with PDFBox: each symbol drawn as vector rectangles (sharp at any printer
 * resolution, and small: one path per label), with make, model, serial and registry number under it
 * in Helvetica, shrunk to fit the label's width.
 */
@ApplicationScoped
public class LabelSheets {

  private static final float POINTS_PER_MM = 72f / 25.4f;
  private static final float PADDING_MM = 2f;
  private static final float MAX_FONT = 8f;
  private static final float MIN_FONT = 4.5f;

  @Inject SymbolRenderer renderer;

  /**
   * Writes the sheets to {@code out}; {@code progress} hears the number of labels drawn so far
   * after each page.
   */
  public void write(
      List<LabelContent> labels,
      Symbology symbology,
      LabelLayout layout,
      OutputStream out,
      IntConsumer progress)
      throws IOException {
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDRectangle size = "A4".equals(layout.page()) ? PDRectangle.A4 : PDRectangle.LETTER;
    SymbolSpec spec = new SymbolSpec(symbology, SymbolFormat.PNG, 1, false, "M");
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Traza marking labels");
      info.setCreator("Traza");
      for (int start = 0; start < labels.size(); start += layout.perPage()) {
        PDPage page = new PDPage(size);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          int end = Math.min(labels.size(), start + layout.perPage());
          for (int i = start; i < end; i++) {
            int cell = i - start;
            float left =
                mm(
                    layout.marginLeftMm()
                        + (cell % layout.columns()) * (layout.labelWidthMm() + layout.gapXMm()));
            float top =
                size.getHeight()
                    - mm(
                        layout.marginTopMm()
                            + (cell / layout.columns())
                                * (layout.labelHeightMm() + layout.gapYMm()));
            label(content, font, labels.get(i), spec, layout, left, top);
          }
          progress.accept(end);
        }
      }
      document.save(out);
    }
  }

  private void label(
      PDPageContentStream content,
      PDType1Font font,
      LabelContent label,
      SymbolSpec spec,
      LabelLayout layout,
      float left,
      float top)
      throws IOException {
    float width = mm(layout.labelWidthMm());
    float height = mm(layout.labelHeightMm());
    float pad = mm(PADDING_MM);
    String line1 = printable(font, label.caption());
    String line2 =
        printable(font, "S/N " + label.serial() + "  \u00b7  Reg. " + label.registryId());
    float fontSize = fit(font, width - 2 * pad, line1, line2);
    line1 = cut(font, fontSize, width - 2 * pad, line1);
    line2 = cut(font, fontSize, width - 2 * pad, line2);
    float textHeight = 2 * fontSize * 1.2f;

    BitMatrix modules = renderer.modules(label.payload(), spec);
    float boxW = width - 2 * pad;
    float boxH = height - 2 * pad - textHeight;
    float module = Math.min(boxW / modules.getWidth(), boxH / modules.getHeight());
    float symbolW = module * modules.getWidth();
    float symbolH = module * modules.getHeight();
    float x0 = left + (width - symbolW) / 2;
    float y0 = top - pad - symbolH;
    // one path of horizontal runs, filled once
    for (int y = 0; y < modules.getHeight(); y++) {
      int x = 0;
      while (x < modules.getWidth()) {
        if (!modules.get(x, y)) {
          x++;
          continue;
        }
        int run = x;
        while (x < modules.getWidth() && modules.get(x, y)) {
          x++;
        }
        content.addRect(
            x0 + run * module,
            y0 + (modules.getHeight() - 1 - y) * module,
            (x - run) * module,
            module);
      }
    }
    content.fill();

    float baseline = y0 - fontSize * 1.1f;
    for (String line : new String[] {line1, line2}) {
      float lineWidth = font.getStringWidth(line) / 1000 * fontSize;
      content.beginText();
      content.setFont(font, fontSize);
      content.newLineAtOffset(left + (width - lineWidth) / 2, baseline);
      content.showText(line);
      content.endText();
      baseline -= fontSize * 1.2f;
    }
  }

  /** The largest font size from 8 pt down at which both lines fit; long lines are then cut. */
  private static float fit(PDType1Font font, float width, String... lines) throws IOException {
    float widest = 0;
    for (String line : lines) {
      widest = Math.max(widest, font.getStringWidth(line) / 1000);
    }
    return Math.max(MIN_FONT, Math.min(MAX_FONT, widest == 0 ? MAX_FONT : width / widest));
  }

  private static String cut(PDType1Font font, float size, float width, String line)
      throws IOException {
    String cut = line;
    while (cut.length() > 4 && font.getStringWidth(cut) / 1000 * size > width) {
      cut = cut.substring(0, cut.length() - 2) + "\u2026";
    }
    return cut;
  }

  private static String printable(PDType1Font font, String text) {
    return org.traza.platform.control.PdfPages.printable(font, text, 60);
  }

  private static float mm(double millimetres) {
    return (float) (millimetres * POINTS_PER_MM);
  }
}
