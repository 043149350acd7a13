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

  @Test
  void refuses_a_png_without_its_iend_chunk_though_every_pixel_is_there() throws Exception {
    byte[] whole = png(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB));
    byte[] noEnd = Arrays.copyOf(whole, whole.length - 12);
    assertThatThrownBy(() -> Images.inspect(noEnd, 1_000_000))
        .isInstanceOf(UnreadableImageException.class)
        .hasMessageContaining("truncated")
        .hasMessageContaining("IEND")
        .extracting(e -> ((UnreadableImageException) e).reason())
        .isEqualTo(UnreadableImageException.Reason.DAMAGED);
  }

  @Test
  void refuses_a_png_with_a_wrong_chunk_checksum() throws Exception {
    byte[] png = png(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB));
    png[png.length - 20] ^= 0x55; // inside the last IDAT's data
    assertThatThrownBy(() -> Images.inspect(png, 1_000_000))
        .hasMessageContaining("checksum")
        .extracting(e -> ((UnreadableImageException) e).reason())
        .isEqualTo(UnreadableImageException.Reason.DAMAGED);
  }

  @Test
  void refuses_a_jpeg_cut_before_its_end_marker() throws Exception {
    byte[] whole = jpeg(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB));
    assertThat(Images.inspect(whole, 1_000_000))
        .isEqualTo(new Images.Header(Images.Format.JPEG, 64, 64));
    for (int cut : new int[] {whole.length - 2, whole.length / 2, 200}) {
      byte[] part = Arrays.copyOf(whole, cut);
      assertThatThrownBy(() -> Images.inspect(part, 1_000_000))
          .as("cut at %d of %d", cut, whole.length)
          .hasMessageContaining("JPEG image is")
          .extracting(e -> ((UnreadableImageException) e).reason())
          .isEqualTo(UnreadableImageException.Reason.DAMAGED);
      assertThatThrownBy(() -> Images.read(part, 1_000_000))
          .isInstanceOf(UnreadableImageException.class);
    }
  }

  @Test
  void takes_a_jpeg_with_bytes_after_its_end_marker() throws Exception {
    byte[] whole = jpeg(new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB));
    byte[] trailer = Arrays.copyOf(whole, whole.length + 64);
    assertThat(Images.read(trailer, 1_000_000).width()).isEqualTo(32);
  }

  @Test
  void refuses_bmp_tiff_and_gif_by_their_bytes_whatever_imageio_could_read() throws Exception {
    BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
    for (String format : new String[] {"bmp", "tiff", "gif"}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(ImageIO.write(image, format, out)).isTrue();
      assertThatThrownBy(() -> Images.read(out.toByteArray(), 1_000_000))
          .as(format)
          .hasMessageContaining("only JPEG, PNG and WebP")
          .extracting(e -> ((UnreadableImageException) e).reason())
          .isEqualTo(UnreadableImageException.Reason.UNSUPPORTED_FORMAT);
    }
  }

  @Test
  void refuses_a_png_declaring_fifty_thousand_pixels_square_before_anything_else() {
    assertThatThrownBy(() -> Images.inspect(bombHeader(50_000, 50_000), 40_000_000))
        .hasMessageContaining("50000 x 50000")
        .extracting(e -> ((UnreadableImageException) e).reason())
        .isEqualTo(UnreadableImageException.Reason.TOO_LARGE);
  }

  @Test
  void names_formats_by_magic_bytes_and_media_types_by_name() throws Exception {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    assertThat(Images.format(png(image))).isEqualTo(Images.Format.PNG);
    assertThat(Images.format(jpeg(image))).isEqualTo(Images.Format.JPEG);
    assertThat(Images.format("RIFF\0\0\0\0WEBPVP8 ".getBytes())).isEqualTo(Images.Format.WEBP);
    assertThat(Images.format("RIFF\0\0\0\0WAVEfmt ".getBytes())).isNull();
    assertThat(Images.Format.ofMediaType("image/PNG; q=1")).isEqualTo(Images.Format.PNG);
    assertThat(Images.Format.ofMediaType("image/bmp")).isNull();
  }

  static byte[] jpeg(BufferedImage image) throws Exception {
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, image.getWidth() / 2, image.getHeight() / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
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
