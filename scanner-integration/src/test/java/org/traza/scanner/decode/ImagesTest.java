package org.traza.scanner.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagesTest {

  @Test
  void reads_a_png_as_luminance() throws Exception {
    BufferedImage rgb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
    rgb.setRGB(0, 0, 0xFFFFFF);
    rgb.setRGB(1, 0, 0x000000);
    rgb.setRGB(2, 0, 0xFF0000);
    GrayImage gray = Images.read(png(rgb), 1_000_000);
    assertThat(gray.width()).isEqualTo(3);
    assertThat(gray.luminance(0, 0)).isEqualTo(255);
    assertThat(gray.luminance(1, 0)).isZero();
    assertThat(gray.luminance(2, 0)).isEqualTo((306 * 255 + 512) >> 10);
  }

  @Test
  void refuses_empty_data_and_data_that_is_no_image() {
    assertThatThrownBy(() -> Images.read(new byte[0], 1000))
        .isInstanceOf(UnreadableImageException.class)
        .extracting(e -> ((UnreadableImageException) e).reason())
        .isEqualTo(UnreadableImageException.Reason.EMPTY);
    assertThatThrownBy(() -> Images.read("%PDF-1.7 not an image".getBytes(), 1000))
        .extracting(e -> ((UnreadableImageException) e).reason())
        .isEqualTo(UnreadableImageException.Reason.NOT_AN_IMAGE);
  }

  @Test
  void refuses_a_truncated_png() throws Exception {
    byte[] whole = png(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB));
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> Images.read(half, 1_000_000))
        .extracting(e -> ((UnreadableImageException) e).reason())
        .isEqualTo(UnreadableImageException.Reason.DAMAGED);
  }

  @Test
  void refuses_a_decompression_bomb_from_its_header_alone() {
    // a valid PNG signature and IHDR declaring 30000 x 30000 pixels, and no pixel data at all
    assertThatThrownBy(() -> Images.read(bombHeader(30_000, 30_000), 40_000_000))
        .extracting(e -> ((UnreadableImageException) e).reason())
        .isEqualTo(UnreadableImageException.Reason.TOO_LARGE);
  }

  static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static byte[] bombHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes()).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    return png.array();
  }
}
