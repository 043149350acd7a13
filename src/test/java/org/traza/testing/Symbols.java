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
}
