package org.traza.testing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads a rendered symbol back with ZXing's decoders, as a scanner would. */
public final class Symbols {

  private Symbols() {}

  public static String decodePng(byte[] png, BarcodeFormat format) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      int w = image.getWidth();
      int h = image.getHeight();
      int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
      BinaryBitmap bitmap =
          new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
      Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
      hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(format));
      hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
      return new MultiFormatReader().decode(bitmap, hints).getText();
    } catch (IOException | NotFoundException e) {
      throw new AssertionError("no " + format + " symbol could be read", e);
    }
  }

  /**
   * The text of a {@code format} symbol somewhere on a rendered page (a certificate, a report):
   * plain ZXing's one view first, then, since a page of text can hide a symbol from it depending on
   * what the page says, the product's decoder with its further views, as a scanning station would
   * read it. Symbols alone are checked with {@link #decodePng}, which stays plain ZXing.
   */
  public static String decodePage(byte[] png, BarcodeFormat format) {
    try {
      return decodePng(png, format);
    } catch (AssertionError plainZxingMissed) {
      try {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int w = image.getWidth();
        int h = image.getHeight();
        org.traza.scanner.decode.Symbology wanted =
            org.traza.scanner.decode.Symbology.valueOf(format.name());
        return new org.traza.scanner.decode.SymbolDecoder(
                java.util.Set.of(wanted),
                org.traza.scanner.decode.SymbolDecoder.DEFAULT_BUDGET_NANOS * 10)
                .decodeAll(
                    org.traza.scanner.decode.GrayImage.fromArgb(
                        w, h, image.getRGB(0, 0, w, h, null, 0, w), false))
                .stream()
                .filter(d -> d.symbology() == wanted)
                .map(org.traza.scanner.decode.DecodedSymbol::text)
                .findFirst()
                .orElseThrow(() -> plainZxingMissed);
      } catch (IOException e) {
        throw new AssertionError("the page could not be read", e);
      }
    }
  }

  /** A small valid PNG (32 x 24, grey), for uploads whose content does not matter (photos). */
  public static byte[] png() {
    try {
      BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_BYTE_GRAY);
      image.getRaster().setSample(3, 4, 0, 200);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A PNG signature and header chunk declaring {@code width} x {@code height} pixels, with no pixel
   * data: the start of a decompression bomb.
   */
  public static byte[] pngHeaderOnly(int width, int height) {
    java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    ihdr.putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(ihdr.array());
    java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    return png.array();
  }
}
