package org.traza.scanner.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SymbolDecoderTest {

  private static final String MARKING = "TZ1 2S KGK DE2019 G17ABC123 S1PNC 7";
  // no time budget: a cold JIT must not make a test skip the pass it is about
  private final SymbolDecoder decoder =
      new SymbolDecoder(EnumSet.allOf(Symbology.class), Long.MAX_VALUE);

  @ParameterizedTest
  @EnumSource(Symbology.class)
  void reads_a_symbol_in_any_quarter_turn_and_inverted(Symbology symbology) throws Exception {
    GrayImage upright = render(symbology, MARKING, 4);
    List<UnaryOperator<GrayImage>> views =
        List.of(
            g -> g,
            GrayImage::rotatedClockwise,
            g -> g.rotatedClockwise().rotatedClockwise(),
            g -> g.rotatedClockwise().rotatedClockwise().rotatedClockwise(),
            GrayImage::inverted,
            g -> g.inverted().rotatedClockwise());
    for (UnaryOperator<GrayImage> view : views) {
      assertThat(decoder.decode(view.apply(upright)))
          .extracting(DecodedSymbol::symbology, DecodedSymbol::text)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(symbology, MARKING));
    }
  }

  @Test
  void squares_up_a_data_matrix_photographed_at_any_angle_and_locates_it() throws Exception {
    GrayImage symbol = render(Symbology.DATA_MATRIX, MARKING, 6);
    for (int degrees : new int[] {12, 27, 41, 63, 110, 200, 333}) {
      // the symbol in the middle of a larger grey scene, turned
      GrayImage scene = onGround(symbol, 300).rotated(degrees);
      List<DecodedSymbol> found = decoder.decode(scene);
      assertThat(found)
          .as(degrees + " degrees")
          .extracting(DecodedSymbol::text)
          .containsExactly(MARKING);
      double cx = found.get(0).corners().stream().mapToDouble(Point::x).average().orElseThrow();
      double cy = found.get(0).corners().stream().mapToDouble(Point::y).average().orElseThrow();
      assertThat(cx).as("centre x at " + degrees).isCloseTo(scene.width() / 2.0, within(40.0));
      assertThat(cy).as("centre y at " + degrees).isCloseTo(scene.height() / 2.0, within(40.0));
    }
  }

  @Test
  void squares_up_a_data_matrix_seen_in_perspective() throws Exception {
    GrayImage symbol = render(Symbology.DATA_MATRIX, MARKING, 8);
    int w = 420;
    int h = 360;
    // the symbol's corners land on a trapezoid, as on a part photographed from below and aside
    var toSymbol =
        com.google.zxing.common.PerspectiveTransform.quadrilateralToQuadrilateral(
            60,
            70,
            330,
            30,
            390,
            320,
            90,
            290,
            0,
            0,
            symbol.width(),
            0,
            symbol.width(),
            symbol.height(),
            0,
            symbol.height());
    byte[] px = new byte[w * h];
    float[] p = new float[2];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        p[0] = x;
        p[1] = y;
        toSymbol.transformPoints(p);
        boolean inside = p[0] >= 0 && p[1] >= 0 && p[0] < symbol.width() && p[1] < symbol.height();
        px[y * w + x] =
            (byte) (inside ? 30 + symbol.luminance((int) p[0], (int) p[1]) * 3 / 4 : 150);
      }
    }
    GrayImage photo = GrayImage.of(w, h, px);

    assertThat(decoder.decode(photo)).extracting(DecodedSymbol::text).containsExactly(MARKING);
  }

  private static GrayImage onGround(GrayImage symbol, int margin) {
    int w = symbol.width() + 2 * margin;
    int h = symbol.height() + 2 * margin;
    byte[] px = new byte[w * h];
    java.util.Arrays.fill(px, (byte) 120);
    for (int y = 0; y < symbol.height(); y++) {
      for (int x = 0; x < symbol.width(); x++) {
        px[(y + margin) * w + x + margin] = (byte) (40 + symbol.luminance(x, y) * 7 / 10);
      }
    }
    return GrayImage.of(w, h, px);
  }

  /** Dot-peen: each dark module a round dot that does not touch its neighbours, on grey metal. */
  @Test
  void reads_a_dot_peen_data_matrix() throws Exception {
    BitMatrix matrix = squareDataMatrix(MARKING);
    int module = 12;
    int quiet = 4;
    int w = (matrix.getWidth() + 2 * quiet) * module;
    int h = (matrix.getHeight() + 2 * quiet) * module;
    byte[] px = new byte[w * h];
    java.util.Arrays.fill(px, (byte) 170);
    double radius = module * 0.36; // dots 72 % of the module pitch: a gap between neighbours
    for (int my = 0; my < matrix.getHeight(); my++) {
      for (int mx = 0; mx < matrix.getWidth(); mx++) {
        if (!matrix.get(mx, my)) {
          continue;
        }
        double cx = (mx + quiet + 0.5) * module;
        double cy = (my + quiet + 0.5) * module;
        for (int y = (int) (cy - module); y < cy + module; y++) {
          for (int x = (int) (cx - module); x < cx + module; x++) {
            if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius) {
              px[y * w + x] = (byte) 40;
            }
          }
        }
      }
    }
    GrayImage dots = withNoise(GrayImage.of(w, h, px), 20, new Random(3));

    assertThat(decoder.decode(dots)).extracting(DecodedSymbol::text).containsExactly(MARKING);
  }

  @Test
  void reads_a_mirrored_data_matrix() throws Exception {
    GrayImage mirrored = render(Symbology.DATA_MATRIX, MARKING, 4).mirrored();
    assertThat(decoder.decode(mirrored)).extracting(DecodedSymbol::text).containsExactly(MARKING);
  }

  @Test
  void reads_a_tiny_symbol_with_one_pixel_modules_and_no_quiet_zone() throws Exception {
    BitMatrix matrix = squareDataMatrix(MARKING);
    assertThat(decoder.decode(toImage(matrix, 1, 0)))
        .extracting(DecodedSymbol::text)
        .containsExactly(MARKING);
  }

  @Test
  void reads_through_noise_and_blur() throws Exception {
    GrayImage clean = render(Symbology.QR_CODE, MARKING, 6);
    GrayImage noisy = blurred(withNoise(clean, 60, new Random(7)));
    assertThat(decoder.decode(noisy)).extracting(DecodedSymbol::text).containsExactly(MARKING);
  }

  @Test
  void finds_every_symbol_of_a_sheet_with_its_position() throws Exception {
    GrayImage left = render(Symbology.QR_CODE, "TRAZA-LEFT-0001", 5);
    GrayImage right = render(Symbology.QR_CODE, "TRAZA-RIGHT-0002", 5);
    int w = left.width() + right.width() + 40;
    int h = Math.max(left.height(), right.height());
    byte[] px = new byte[w * h];
    java.util.Arrays.fill(px, (byte) 0xFF);
    paste(px, w, left, 0);
    paste(px, w, right, left.width() + 40);

    List<DecodedSymbol> found = decoder.decode(GrayImage.of(w, h, px));

    assertThat(found)
        .extracting(DecodedSymbol::text)
        .containsExactlyInAnyOrder("TRAZA-LEFT-0001", "TRAZA-RIGHT-0002");
    DecodedSymbol right2 =
        found.stream().filter(s -> s.text().endsWith("0002")).findFirst().orElseThrow();
    assertThat(right2.corners()).allSatisfy(p -> assertThat(p.x()).isGreaterThan(left.width()));
  }

  @Test
  void decode_all_reads_every_data_matrix_of_a_label_sheet() throws Exception {
    int cols = 3;
    int rows = 4;
    int cellW = 260;
    int cellH = 200;
    int w = cols * cellW;
    int h = rows * cellH;
    byte[] px = new byte[w * h];
    java.util.Arrays.fill(px, (byte) 0xF0);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < cols * rows; i++) {
      String text = "TZ1 " + (100 + i) + " KGK DE2019 G17ABC" + i;
      texts.add(text);
      GrayImage symbol = render(Symbology.DATA_MATRIX, text, 5);
      int left = (i % cols) * cellW + (cellW - symbol.width()) / 2;
      int top = (i / cols) * cellH + 10;
      for (int y = 0; y < symbol.height(); y++) {
        for (int x = 0; x < symbol.width(); x++) {
          px[(top + y) * w + left + x] = (byte) symbol.luminance(x, y);
        }
      }
    }
    GrayImage sheet = GrayImage.of(w, h, px);

    assertThat(decoder.decode(sheet)).hasSizeLessThan(texts.size());
    assertThat(decoder.decodeAll(sheet))
        .extracting(DecodedSymbol::text)
        .containsExactlyInAnyOrderElementsOf(texts);
  }

  @Test
  void reports_gs1_content_without_its_leading_fnc1_and_with_the_aim_identifier_for_parsers()
      throws Exception {
    BitMatrix matrix =
        new MultiFormatWriter()
            .encode(
                "8004950110153000012345",
                BarcodeFormat.DATA_MATRIX,
                0,
                0,
                Map.of(EncodeHintType.GS1_FORMAT, true, EncodeHintType.DATA_MATRIX_COMPACT, true));
    DecodedSymbol symbol = decoder.decode(toImage(matrix, 4, 4)).get(0);
    assertThat(symbol.gs1()).isTrue();
    assertThat(symbol.text()).isEqualTo("8004950110153000012345");
    assertThat(symbol.payloadText()).isEqualTo("]d28004950110153000012345");
  }

  @Test
  void reads_nothing_where_there_is_no_symbol() {
    Random random = new Random(42);
    byte[] noise = new byte[300 * 200];
    random.nextBytes(noise);
    byte[] blank = new byte[300 * 200];
    java.util.Arrays.fill(blank, (byte) 0xFF);
    byte[] gradient = new byte[300 * 200];
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] = (byte) (i % 300 * 255 / 300);
    }
    for (byte[] px : List.of(noise, blank, gradient)) {
      assertThat(decoder.decode(GrayImage.of(300, 200, px))).isEmpty();
    }
    assertThat(decoder.decode(GrayImage.of(1, 1, new byte[] {0}))).isEmpty();
    assertThat(decoder.decode(GrayImage.of(2, 900, new byte[1800]))).isEmpty();
  }

  /** ZXing black-box style: hard photos, a threshold, and never a wrong text. */
  @Test
  void reads_the_golden_photos_that_plain_zxing_misses() throws IOException {
    List<String> missed = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    int rows = 0;
    try (InputStream in = getClass().getResourceAsStream("golden/expected.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (String line : List.of(lines).subList(1, lines.length)) {
        String[] f = line.split("\t");
        String expected = new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8);
        Symbology symbology = f[1].equals("qrcode") ? Symbology.QR_CODE : Symbology.DATA_MATRIX;
        GrayImage image;
        try (InputStream png = getClass().getResourceAsStream("golden/" + f[0])) {
          image = Images.toGray(ImageIO.read(png));
        }
        rows++;
        List<DecodedSymbol> found =
            new SymbolDecoder(EnumSet.of(symbology), Long.MAX_VALUE).decode(image);
        if (found.stream().noneMatch(s -> s.text().equals(expected))) {
          (found.isEmpty() ? missed : wrong).add(f[0]);
        }
      }
    }
    assertThat(rows).isEqualTo(22);
    assertThat(wrong).as("misreads").isEmpty();
    assertThat(missed).as("images no longer read").isEmpty();
  }

  private static BitMatrix squareDataMatrix(String text) throws WriterException {
    return new MultiFormatWriter()
        .encode(
            text,
            BarcodeFormat.DATA_MATRIX,
            0,
            0,
            Map.of(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE));
  }

  static GrayImage render(Symbology symbology, String text, int module) throws WriterException {
    BarcodeFormat format =
        switch (symbology) {
          case DATA_MATRIX -> BarcodeFormat.DATA_MATRIX;
          case QR_CODE -> BarcodeFormat.QR_CODE;
          case CODE_128 -> BarcodeFormat.CODE_128;
        };
    BitMatrix matrix = new MultiFormatWriter().encode(text, format, 0, 0, Map.of());
    int quiet = symbology == Symbology.CODE_128 ? 10 : 4;
    GrayImage image = toImage(matrix, module, quiet);
    return symbology == Symbology.CODE_128 ? tall(image, 60) : image;
  }

  private static GrayImage toImage(BitMatrix matrix, int module, int quietModules) {
    int w = (matrix.getWidth() + 2 * quietModules) * module;
    int h = (matrix.getHeight() + 2 * quietModules) * module;
    byte[] px = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int mx = x / module - quietModules;
        int my = y / module - quietModules;
        boolean black =
            mx >= 0
                && my >= 0
                && mx < matrix.getWidth()
                && my < matrix.getHeight()
                && matrix.get(mx, my);
        px[y * w + x] = (byte) (black ? 0 : 255);
      }
    }
    return GrayImage.of(w, h, px);
  }

  /** A one-row 1D matrix stretched to a bar height. */
  private static GrayImage tall(GrayImage row, int height) {
    byte[] px = new byte[row.width() * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < row.width(); x++) {
        px[y * row.width() + x] = (byte) row.luminance(x, row.height() / 2);
      }
    }
    return GrayImage.of(row.width(), height, px);
  }

  private static GrayImage withNoise(GrayImage image, int amplitude, Random random) {
    byte[] px = new byte[image.width() * image.height()];
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        int v = image.luminance(x, y) + random.nextInt(2 * amplitude + 1) - amplitude;
        px[y * image.width() + x] = (byte) Math.max(0, Math.min(255, v));
      }
    }
    return GrayImage.of(image.width(), image.height(), px);
  }

  private static GrayImage blurred(GrayImage image) {
    int w = image.width();
    int h = image.height();
    byte[] px = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sum = 0;
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int xx = x + dx;
            int yy = y + dy;
            if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
              sum += image.luminance(xx, yy);
              n++;
            }
          }
        }
        px[y * w + x] = (byte) (sum / n);
      }
    }
    return GrayImage.of(w, h, px);
  }

  private static void paste(byte[] px, int width, GrayImage image, int left) {
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        px[y * width + left + x] = (byte) image.luminance(x, y);
      }
    }
  }
}
