package org.traza.scanner.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG, JPEG and WebP (where an ImageIO plug-in is present) into a {@link GrayImage}. Before a
 * single pixel is decoded, {@link #inspect} decides the format from the first bytes (never from
 * what the sender says, and never by asking every ImageIO reader, which would take BMP or TIFF),
 * checks the declared size against a pixel budget, so a 50000 x 50000 header costs nothing, and
 * walks the file's structure to its end, so a truncated upload is refused rather than kept or
 * decoded into grey.
 */
public final class Images {

  private Images() {}

  /** The formats Traza takes, each with its media type and ImageIO format name. */
  public enum Format {
    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private final String mediaType;
    private final String imageIoName;

    Format(String mediaType, String imageIoName) {
      this.mediaType = mediaType;
      this.imageIoName = imageIoName;
    }

    public String mediaType() {
      return mediaType;
    }

    /** The format whose media type is {@code type} (parameters ignored), or null. */
    public static Format ofMediaType(String type) {
      if (type == null) {
        return null;
      }
      String bare = type.split(";", 2)[0].trim();
      for (Format f : values()) {
        if (f.mediaType.equalsIgnoreCase(bare)) {
          return f;
        }
      }
      return null;
    }
  }

  /** What the header of an accepted image says. */
  public record Header(Format format, int width, int height) {}

  /**
   * The format of {@code bytes} from its magic bytes, or null when it is none Traza takes.
   *
   * <p>A WebP file is a RIFF container whose form type is "WEBP".
   */
  public static Format format(byte[] b) {
    if (b == null || b.length < 12) {
      return null;
    }
    if (u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF) {
      return Format.JPEG;
    }
    if (startsWith(b, 0, PNG_SIGNATURE)) {
      return Format.PNG;
    }
    if (startsWith(b, 0, "RIFF".getBytes()) && startsWith(b, 8, "WEBP".getBytes())) {
      return Format.WEBP;
    }
    return null;
  }

  /**
   * Checks an upload without decoding its pixels: a JPEG, PNG or WebP by its magic bytes, at most
   * {@code maxPixels} by its header, and whole (JPEG to its end-of-image marker, PNG to its IEND
   * chunk with every chunk's CRC right, WebP as long as its RIFF header says).
   *
   * @throws UnreadableImageException when empty, not an image, another image format, too large or
   *     truncated
   */
  public static Header inspect(byte[] bytes, long maxPixels) throws UnreadableImageException {
    if (bytes == null || bytes.length == 0) {
      throw new UnreadableImageException(
          UnreadableImageException.Reason.EMPTY, "The image is empty.");
    }
    Format format = format(bytes);
    if (format == null) {
      String other = otherFormat(bytes);
      throw other == null
          ? new UnreadableImageException(
              UnreadableImageException.Reason.NOT_AN_IMAGE,
              "The data is not a JPEG, PNG or WebP image.")
          : new UnreadableImageException(
              UnreadableImageException.Reason.UNSUPPORTED_FORMAT,
              "The data is a " + other + " image; only JPEG, PNG and WebP images are taken.");
    }
    Header header = header(bytes, format, maxPixels);
    switch (format) {
      case JPEG -> requireJpegEnd(bytes);
      case PNG -> requirePngEnd(bytes);
      case WEBP -> requireRiffLength(bytes);
    }
    return header;
  }

  /**
   * Inspects the image ({@link #inspect}) and decodes it with the reader of its format.
   *
   * @param maxPixels the largest width x height accepted
   * @throws UnreadableImageException when empty, not an image, damaged or too large
   */
  public static GrayImage read(byte[] bytes, long maxPixels) throws UnreadableImageException {
    Header header = inspect(bytes, maxPixels);
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = reader(header.format());
      try {
        reader.setInput(in, true, true);
        return toGray(reader.read(0));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw damaged(header.format(), "cannot be decoded");
    }
  }

  private static Header header(byte[] bytes, Format format, long maxPixels)
      throws UnreadableImageException {
    ImageReader reader = reader(format);
    long width;
    long height;
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      width = reader.getWidth(0);
      height = reader.getHeight(0);
    } catch (IOException | RuntimeException e) {
      throw damaged(format, "has an unreadable header");
    } finally {
      reader.dispose();
    }
    if (width <= 0 || height <= 0) {
      throw new UnreadableImageException(
          UnreadableImageException.Reason.DAMAGED, "The image declares no pixels.");
    }
    if (width * height > maxPixels) {
      throw new UnreadableImageException(
          UnreadableImageException.Reason.TOO_LARGE,
          "The image is "
              + width
              + " x "
              + height
              + " pixels; at most "
              + maxPixels / 1_000_000.0
              + " megapixels are taken.");
    }
    return new Header(format, (int) width, (int) height);
  }

  private static ImageReader reader(Format format) throws UnreadableImageException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
    if (!readers.hasNext()) {
      throw new UnreadableImageException(
          UnreadableImageException.Reason.UNSUPPORTED_FORMAT,
          "No reader for " + format + " images is installed here.");
    }
    return readers.next();
  }

  /**
   * Walks the JPEG's segments (each one's length), and the entropy-coded data after each scan
   * header, to the end-of-image marker. Bytes after it (some cameras append data) are allowed.
   */
  private static void requireJpegEnd(byte[] b) throws UnreadableImageException {
    int pos = 2;
    while (pos + 1 < b.length) {
      if (u8(b, pos) != 0xFF) {
        throw damaged(Format.JPEG, "has a broken segment");
      }
      int marker = u8(b, pos + 1);
      if (marker == 0xFF) {
        pos++; // fill byte
        continue;
      }
      if (marker == 0xD9) {
        return;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        pos += 2;
        continue;
      }
      if (pos + 3 >= b.length) {
        break;
      }
      int next = pos + 2 + ((u8(b, pos + 2) << 8) | u8(b, pos + 3));
      if (next > b.length) {
        break;
      }
      pos = next;
      if (marker == 0xDA) {
        // entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte) or a restart marker
        while (pos + 1 < b.length) {
          if (u8(b, pos) == 0xFF) {
            int after = u8(b, pos + 1);
            if (after != 0x00 && after != 0xFF && (after < 0xD0 || after > 0xD7)) {
              break;
            }
            pos += after == 0xFF ? 1 : 2;
          } else {
            pos++;
          }
        }
      }
    }
    throw truncated(Format.JPEG, "has no end-of-image marker");
  }

  /** Walks the PNG's chunks (length, type, data, CRC) to IEND, checking each CRC. */
  private static void requirePngEnd(byte[] b) throws UnreadableImageException {
    int pos = PNG_SIGNATURE.length;
    while (pos + 12 <= b.length) {
      long length = u32(b, pos);
      if (length > b.length - pos - 12L) {
        break;
      }
      CRC32 crc = new CRC32();
      crc.update(b, pos + 4, 4 + (int) length);
      if (crc.getValue() != u32(b, pos + 8 + (int) length)) {
        throw damaged(Format.PNG, "has a chunk whose checksum is wrong");
      }
      if (b[pos + 4] == 'I' && b[pos + 5] == 'E' && b[pos + 6] == 'N' && b[pos + 7] == 'D') {
        if (pos + 12 + length != b.length) {
          // nothing legitimate follows IEND (unlike a JPEG, where cameras append their data)
          throw damaged(Format.PNG, "has data after its IEND chunk");
        }
        return;
      }
      pos += 12 + (int) length;
    }
    throw truncated(Format.PNG, "has no IEND chunk");
  }

  /** A RIFF header states the length of what follows it. */
  private static void requireRiffLength(byte[] b) throws UnreadableImageException {
    long declared = u8(b, 4) | (u8(b, 5) << 8) | (u8(b, 6) << 16) | ((long) u8(b, 7) << 24);
    if (declared + 8 > b.length) {
      throw truncated(Format.WEBP, "is shorter than its RIFF header says");
    }
  }

  /** Image formats Traza does not take but a sender might try, for a clear answer. */
  private static String otherFormat(byte[] b) {
    if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
      return "BMP";
    }
    if (b.length >= 4
        && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
            || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
      return "TIFF";
    }
    if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return "GIF";
    }
    if (b.length >= 12 && startsWith(b, 4, "ftyp".getBytes())) {
      return "HEIF/AVIF";
    }
    if (b.length >= 4 && u8(b, 0) == 0xFF && u8(b, 1) == 0x0A) {
      return "JPEG XL";
    }
    return null;
  }

  private static UnreadableImageException truncated(Format format, String what) {
    return new UnreadableImageException(
        UnreadableImageException.Reason.DAMAGED,
        "The " + format + " image is truncated: it " + what + ".");
  }

  private static UnreadableImageException damaged(Format format, String what) {
    return new UnreadableImageException(
        UnreadableImageException.Reason.DAMAGED,
        "The " + format + " image is damaged or truncated: it " + what + ".");
  }

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    if (b.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  private static long u32(byte[] b, int i) {
    return ((long) u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3);
  }

  /** The luminance ZXing's own BufferedImageLuminanceSource would compute. */
  public static GrayImage toGray(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
        && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
        && buffer.getData().length == width * height) {
      return GrayImage.of(width, height, buffer.getData().clone());
    }
    int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
    return GrayImage.fromArgb(width, height, argb, image.getColorModel().hasAlpha());
  }
}
