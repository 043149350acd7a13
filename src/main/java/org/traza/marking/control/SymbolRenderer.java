package org.traza.marking.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.traza.marking.entity.SymbolFormat;
import org.traza.marking.entity.SymbolSpec;
import org.traza.marking.entity.Symbology;

/**
 * Draws a payload as a symbol with ZXing's encoders: the module matrix first, then PNG pixels or
 * SVG squares, each with the quiet zone its symbology needs (Data Matrix 2 modules, QR 4, Code 128
 * 10).
 */
@ApplicationScoped
public class SymbolRenderer {

  /** Bar height of Code 128, in modules: about 15 % of a typical label symbol's width. */
  static final int CODE128_HEIGHT = 40;

  /** A rendered symbol: bytes and their media type. */
  public record Rendered(byte[] bytes, String mediaType, int modulesWide, int modulesHigh) {}

  public Rendered render(String payload, SymbolSpec spec) {
    BitMatrix modules = modules(payload, spec);
    byte[] bytes =
        spec.format() == SymbolFormat.PNG
            ? png(modules, spec.moduleSize())
            : svg(modules, spec.moduleSize()).getBytes(StandardCharsets.UTF_8);
    return new Rendered(bytes, spec.format().mediaType(), modules.getWidth(), modules.getHeight());
  }

  /** One bit per module, quiet zone included. */
  BitMatrix modules(String payload, SymbolSpec spec) {
    try {
      return switch (spec.symbology()) {
        case DATAMATRIX -> withMargin(dataMatrix(payload, spec.rectangular()), 2);
        case QR -> qr(payload, spec.errorCorrection());
        case CODE128 -> code128(payload);
      };
    } catch (WriterException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The marking cannot be encoded as " + spec.symbology() + ": " + e.getMessage(), e);
    }
  }

  private static BitMatrix dataMatrix(String payload, boolean rectangular) {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(
        EncodeHintType.DATA_MATRIX_SHAPE,
        rectangular ? SymbolShapeHint.FORCE_RECTANGLE : SymbolShapeHint.FORCE_SQUARE);
    // The minimal ("compact") encoder gives the smallest square symbol; with a forced rectangle
    // ZXing 3.5.4 picks a symbol that does not fit its codewords, so rectangles use the default.
    if (!rectangular) {
      hints.put(EncodeHintType.DATA_MATRIX_COMPACT, Boolean.TRUE);
    }
    return new DataMatrixWriter().encode(payload, BarcodeFormat.DATA_MATRIX, 0, 0, hints);
  }

  private static BitMatrix qr(String payload, String ecc) throws WriterException {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(
        EncodeHintType.ERROR_CORRECTION,
        ErrorCorrectionLevel.valueOf(ecc.toUpperCase(Locale.ROOT)));
    hints.put(EncodeHintType.MARGIN, 4);
    hints.put(EncodeHintType.CHARACTER_SET, "ISO-8859-1");
    return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints);
  }

  private static BitMatrix code128(String payload) {
    boolean[] bars = new Code128Writer().encode(payload);
    int margin = 10;
    BitMatrix m = new BitMatrix(bars.length + 2 * margin, CODE128_HEIGHT);
    for (int x = 0; x < bars.length; x++) {
      if (bars[x]) {
        m.setRegion(x + margin, 0, 1, CODE128_HEIGHT);
      }
    }
    return m;
  }

  private static BitMatrix withMargin(BitMatrix inner, int margin) {
    BitMatrix m = new BitMatrix(inner.getWidth() + 2 * margin, inner.getHeight() + 2 * margin);
    for (int y = 0; y < inner.getHeight(); y++) {
      for (int x = 0; x < inner.getWidth(); x++) {
        if (inner.get(x, y)) {
          m.set(x + margin, y + margin);
        }
      }
    }
    return m;
  }

  private static byte[] png(BitMatrix modules, int moduleSize) {
    int w = modules.getWidth() * moduleSize;
    int h = modules.getHeight() * moduleSize;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
    int[] row = new int[w];
    for (int y = 0; y < modules.getHeight(); y++) {
      for (int x = 0; x < modules.getWidth(); x++) {
        int rgb = modules.get(x, y) ? 0xFF000000 : 0xFFFFFFFF;
        java.util.Arrays.fill(row, x * moduleSize, (x + 1) * moduleSize, rgb);
      }
      for (int dy = 0; dy < moduleSize; dy++) {
        image.setRGB(0, y * moduleSize + dy, w, 1, row, 0, w);
      }
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Squares merged into horizontal runs, one path: what marking software imports best. */
  private static String svg(BitMatrix modules, int moduleSize) {
    int w = modules.getWidth();
    int h = modules.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < h; y++) {
      int x = 0;
      while (x < w) {
        if (!modules.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < w && modules.get(x, y)) {
          x++;
        }
        path.append('M')
            .append(start)
            .append(',')
            .append(y)
            .append('h')
            .append(x - start)
            .append("v1h-")
            .append(x - start)
            .append('z');
      }
    }
    return String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " shape-rendering=\"crispEdges\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"%s\"/></svg>%n",
        w * moduleSize,
        h * moduleSize,
        w,
        h,
        w,
        h,
        path);
  }

  /** For the symbology name a client sends. */
  public static Symbology symbology(String name) {
    return Symbology.valueOf(
        name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", ""));
  }
}
