package org.traza.scanner.decode;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.ConfigQrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import com.google.zxing.common.StringUtils;
import georegression.struct.point.Point2D_F64;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * BoofCV's QR reader, the second opinion for photos ZXing's QR detector gives up on (perspective,
 * curved labels, damaged finder patterns). BoofCV detectors keep state, so one per thread.
 */
final class BoofQrReader {

  record Read(String text, List<Point> corners) {}

  private static final ThreadLocal<QrCodeDetector<GrayU8>> DETECTOR =
      ThreadLocal.withInitial(
          () -> {
            // byte-mode data comes back as raw bytes; the character set is then guessed as ZXing
            // does (BoofCV alone reads Shift_JIS text as Latin-1)
            ConfigQrCode config = new ConfigQrCode();
            config.forceEncoding = StandardCharsets.ISO_8859_1.name();
            return FactoryFiducial.qrcode(config, GrayU8.class);
          });

  private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

  private BoofQrReader() {}

  /**
   * Byte-mode characters arrive as raw bytes (U+0000..U+00FF) and Kanji-mode characters as text;
   * both become Shift_JIS-compatible bytes again and the whole is decoded in the guessed set.
   */
  private static String text(String message) {
    if (message.chars().allMatch(c -> c < 0x80)) {
      return message;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(message.length() * 2);
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c <= 0xFF) {
        bytes.write(c);
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(SHIFT_JIS));
      }
    }
    byte[] raw = bytes.toByteArray();
    Charset charset = StringUtils.guessCharset(raw, null);
    return new String(raw, charset == null ? StandardCharsets.ISO_8859_1 : charset);
  }

  static List<Read> read(GrayImage image) {
    GrayU8 gray = new GrayU8();
    gray.width = image.width();
    gray.height = image.height();
    gray.stride = image.width();
    gray.startIndex = 0;
    gray.data = image.pixels();
    QrCodeDetector<GrayU8> detector = DETECTOR.get();
    detector.process(gray);
    List<Read> reads = new ArrayList<>();
    for (QrCode qr : detector.getDetections()) {
      if (qr.message == null || qr.failureCause != QrCode.Failure.NONE) {
        continue;
      }
      List<Point> corners = new ArrayList<>();
      for (int i = 0; i < qr.bounds.size(); i++) {
        Point2D_F64 p = qr.bounds.get(i);
        corners.add(new Point(p.x, p.y));
      }
      reads.add(new Read(text(qr.message), corners));
    }
    return reads;
  }
}
