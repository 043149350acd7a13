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
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
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
    int inner = modules.getWidth() - 2 * quietZone(spec.symbology());
    byte[] bytes =
        switch (spec.format()) {
          case PNG -> png(modules, pixelsPerModule(spec, inner), spec.dpi());
          case SVG -> svg(modules, spec, inner).getBytes(StandardCharsets.UTF_8);
          case ZPL -> zpl(payload, spec, inner).getBytes(StandardCharsets.US_ASCII);
        };
    return new Rendered(bytes, spec.format().mediaType(), modules.getWidth(), modules.getHeight());
  }

  /** Modules of quiet zone on each side, as {@link #modules} adds them. */
  static int quietZone(Symbology symbology) {
    return switch (symbology) {
      case DATAMATRIX -> 2;
      case QR -> 4;
      case CODE128 -> 10;
    };
  }

  /**
   * Pixels (or printer dots) per module: the requested module size, or the one that gives the
   * requested physical width at the resolution, never below one.
   */
  static int pixelsPerModule(SymbolSpec spec, int innerModules) {
    if (spec.sizeMm() == null) {
      return spec.moduleSize();
    }
    double exact = spec.sizeMm() / 25.4 * spec.dpi() / innerModules;
    if (exact < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%.1f mm holds %d modules only at %d dpi or more",
              spec.sizeMm(),
              innerModules,
              (int) Math.ceil(innerModules * 25.4 / spec.sizeMm())));
    }
    return (int) Math.round(exact);
  }

  /** What the symbol measures without its quiet zone once printed, in millimetres. */
  public static double printedSizeMm(SymbolSpec spec, int modulesWide) {
    int inner = modulesWide - 2 * quietZone(spec.symbology());
    if (spec.format() == SymbolFormat.SVG && spec.sizeMm() != null) {
      return spec.sizeMm();
    }
    return inner * pixelsPerModule(spec, inner) * 25.4 / spec.dpi();
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

  /** GS1 content is written with a leading FNC1, which Traza's payloads spell as a GS. */
  static boolean isGs1(String payload) {
    return !payload.isEmpty() && payload.charAt(0) == GS;
  }

  private static final char GS = 0x1D;

  private static BitMatrix dataMatrix(String payload, boolean rectangular) {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(
        EncodeHintType.DATA_MATRIX_SHAPE,
        rectangular ? SymbolShapeHint.FORCE_RECTANGLE : SymbolShapeHint.FORCE_SQUARE);
    // The minimal ("compact") encoder gives the smallest square symbol; with a forced rectangle
    // ZXing 3.5.4 picks a symbol that does not fit its codewords, so rectangles use the default.
    // GS1 needs the compact encoder: only it writes FNC1 in first position.
    if (!rectangular || isGs1(payload)) {
      hints.put(EncodeHintType.DATA_MATRIX_COMPACT, Boolean.TRUE);
    }
    String text = payload;
    if (isGs1(payload)) {
      hints.put(EncodeHintType.GS1_FORMAT, Boolean.TRUE);
      text = payload.substring(1);
    }
    return new DataMatrixWriter().encode(text, BarcodeFormat.DATA_MATRIX, 0, 0, hints);
  }

  private static BitMatrix qr(String payload, String ecc) throws WriterException {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(
        EncodeHintType.ERROR_CORRECTION,
        ErrorCorrectionLevel.valueOf(ecc.toUpperCase(Locale.ROOT)));
    hints.put(EncodeHintType.MARGIN, 4);
    hints.put(EncodeHintType.CHARACTER_SET, "ISO-8859-1");
    String text = payload;
    if (isGs1(payload)) {
      hints.put(EncodeHintType.GS1_FORMAT, Boolean.TRUE);
      text = payload.substring(1);
    }
    return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
  }

  private static BitMatrix code128(String payload) {
    // ZXing's Code 128 writer takes U+00F1 for FNC1
    String text = isGs1(payload) ? "\u00f1" + payload.substring(1) : payload;
    boolean[] bars = new Code128Writer().encode(text);
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

  private static byte[] png(BitMatrix modules, int moduleSize, int dpi) {
    int w = modules.getWidth() * moduleSize;
    int h = modules.getHeight() * moduleSize;
    if ((long) w * h > 64L * 1024 * 1024) {
      throw new IllegalArgumentException("the image would exceed 64 megapixels");
    }
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
    // straight into the 1-bit raster (bit set = white in the default palette), one packed row per
    // module row copied moduleSize times: setRGB per pixel made a Code 128 take 25 ms
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int stride = (w + 7) / 8;
    byte[] row = new byte[stride];
    for (int y = 0; y < modules.getHeight(); y++) {
      java.util.Arrays.fill(row, (byte) 0);
      for (int x = 0; x < modules.getWidth(); x++) {
        if (!modules.get(x, y)) {
          for (int px = x * moduleSize; px < (x + 1) * moduleSize; px++) {
            row[px >> 3] |= (byte) (0x80 >>> (px & 7));
          }
        }
      }
      for (int dy = 0; dy < moduleSize; dy++) {
        System.arraycopy(row, 0, data, (y * moduleSize + dy) * stride, stride);
      }
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
      // pHYs: the resolution, so that printing software prints the intended physical size
      IIOMetadataNode phys = new IIOMetadataNode("pHYs");
      String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
      phys.setAttribute("pixelsPerUnitXAxis", perMetre);
      phys.setAttribute("pixelsPerUnitYAxis", perMetre);
      phys.setAttribute("unitSpecifier", "meter");
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      root.appendChild(phys);
      metadata.mergeTree("javax_imageio_png_1.0", root);
      writer.setOutput(ios);
      writer.write(null, new IIOImage(image, null, metadata), param);
      writer.dispose();
      ios.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One ZPL II label: the printer draws the symbol from the payload (^BX Data Matrix ECC 200, ^BQ
   * QR, ^BC Code 128) at the module size in dots that gives the requested size, field data escaped
   * with ^FH so that no payload character can end a command.
   */
  private static String zpl(String payload, SymbolSpec spec, int innerModules) {
    if (isGs1(payload)) {
      // FNC1 spellings differ per ZPL barcode command; not written until a printer is at hand to
      // try
      throw new IllegalArgumentException(
          "GS1 payloads are not written as ZPL; use PNG, SVG or PDF");
    }
    int dots = pixelsPerModule(spec, innerModules);
    String data = zplHex(payload);
    String symbol =
        switch (spec.symbology()) {
          case DATAMATRIX -> "^BXN," + dots + ",200,,,6^FH\\^FD" + data + "^FS";
          case QR ->
              "^BQN,2,"
                  + Math.min(10, dots)
                  + "^FH\\^FD"
                  + spec.errorCorrection()
                  + "A,"
                  + data
                  + "^FS";
          case CODE128 ->
              "^BY"
                  + Math.min(10, dots)
                  + "^BCN,"
                  + dots * CODE128_HEIGHT
                  + ",N,N,N^FH\\^FD"
                  + data
                  + "^FS";
        };
    return "^XA^CI28^LH0,0^FO20,20" + symbol + "^XZ\n";
  }

  /** ZPL field data with ^, ~ and \ (and anything outside printable ASCII) as ^FH hex escapes. */
  static String zplHex(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c < 0x20 || c > 0x7E || c == '^' || c == '~' || c == '\\') {
        out.append('\\').append(String.format(Locale.ROOT, "%02X", c));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  /** Squares merged into horizontal runs, one path: what marking software imports best. */
  private static String svg(BitMatrix modules, SymbolSpec spec, int innerModules) {
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
    // with a physical size, width and height in millimetres: marking software then engraves the
    // symbol at that size
    String width;
    String height;
    if (spec.sizeMm() != null) {
      double module = spec.sizeMm() / innerModules;
      width = String.format(Locale.ROOT, "%.3fmm", w * module);
      height = String.format(Locale.ROOT, "%.3fmm", h * module);
    } else {
      width = Integer.toString(w * spec.moduleSize());
      height = Integer.toString(h * spec.moduleSize());
    }
    return String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %d %d\""
            + " shape-rendering=\"crispEdges\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"%s\"/></svg>%n",
        width,
        height,
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
