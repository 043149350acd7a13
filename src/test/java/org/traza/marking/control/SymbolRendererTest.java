package org.traza.marking.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.traza.marking.entity.SymbolFormat;
import org.traza.marking.entity.SymbolSpec;
import org.traza.marking.entity.Symbology;
import org.traza.scanner.payload.Payloads;
import org.traza.scanner.payload.TrazaMarking;
import org.traza.testing.Symbols;

class SymbolRendererTest {

  private final SymbolRenderer renderer = new SymbolRenderer();
  private final String payload =
      new TrazaMarking(123_456, "GLOCK", "AT", 2019, "ABC12345", "AR", 2021, null).encode();

  @ParameterizedTest
  @CsvSource({
    "DATAMATRIX, false, M, DATA_MATRIX",
    "DATAMATRIX, true, M, DATA_MATRIX",
    "QR, false, L, QR_CODE",
    "QR, false, H, QR_CODE",
    "CODE128, false, M, CODE_128"
  })
  void every_symbol_reads_back_as_the_same_marking(
      Symbology symbology, boolean rectangular, String ecc, BarcodeFormat format) {
    var rendered =
        renderer.render(payload, new SymbolSpec(symbology, SymbolFormat.PNG, 4, rectangular, ecc));

    String read = Symbols.decodePng(rendered.bytes(), format);

    assertThat(read).isEqualTo(payload);
    assertThat(Payloads.detect(read)).containsInstanceOf(TrazaMarking.class);
  }

  @Test
  void a_traza_marking_fits_a_small_square_data_matrix() {
    var square =
        renderer.modules(
            payload, new SymbolSpec(Symbology.DATAMATRIX, SymbolFormat.PNG, 1, false, "M"));
    assertThat(square.getWidth() - 4)
        .as("symbol size without the quiet zone")
        .isLessThanOrEqualTo(26);
    var rectangle =
        renderer.modules(
            payload, new SymbolSpec(Symbology.DATAMATRIX, SymbolFormat.PNG, 1, true, "M"));
    assertThat(rectangle.getWidth()).isGreaterThan(rectangle.getHeight());
  }

  @Test
  void svg_is_vector_squares_at_the_requested_module_size() {
    var rendered =
        renderer.render(
            payload, new SymbolSpec(Symbology.DATAMATRIX, SymbolFormat.SVG, 10, false, "M"));
    String svg = new String(rendered.bytes(), StandardCharsets.UTF_8);
    assertThat(rendered.mediaType()).isEqualTo("image/svg+xml");
    assertThat(svg)
        .startsWith("<svg")
        .contains("viewBox=\"0 0 " + rendered.modulesWide() + " ")
        .contains("width=\"" + rendered.modulesWide() * 10 + "\"")
        .contains("<path");
  }

  @Test
  void refuses_what_a_symbology_cannot_carry() {
    assertThatThrownBy(
            () ->
                renderer.render(
                    "é€", new SymbolSpec(Symbology.CODE128, SymbolFormat.PNG, 2, false, "M")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SymbolSpec(Symbology.QR, SymbolFormat.PNG, 0, false, "M"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SymbolSpec(Symbology.QR, SymbolFormat.PNG, 4, false, "X"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_physical_size_sets_the_module_size_from_the_resolution_and_is_recorded_in_the_png()
      throws Exception {
    // 12 mm at 600 dpi: 283 dots across a symbol of (width - 4) modules
    var spec = new SymbolSpec(Symbology.DATAMATRIX, SymbolFormat.PNG, 1, false, "M", 12.0, 600);
    var rendered = renderer.render(payload, spec);
    int inner = rendered.modulesWide() - 4;
    int expectedModule = (int) Math.round(12.0 / 25.4 * 600 / inner);

    var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(rendered.bytes()));
    assertThat(image.getWidth()).isEqualTo(rendered.modulesWide() * expectedModule);
    assertThat(SymbolRenderer.printedSizeMm(spec, rendered.modulesWide()))
        .isCloseTo(12.0, org.assertj.core.data.Offset.offset(12.0 / inner));
    var reader = javax.imageio.ImageIO.getImageReadersByFormatName("png").next();
    reader.setInput(
        javax.imageio.ImageIO.createImageInputStream(
            new java.io.ByteArrayInputStream(rendered.bytes())));
    var tree =
        (javax.imageio.metadata.IIOMetadataNode)
            reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
    var phys = (org.w3c.dom.Element) tree.getElementsByTagName("pHYs").item(0);
    assertThat(phys.getAttribute("pixelsPerUnitXAxis")).isEqualTo("23622"); // 600 dpi
    assertThat(Symbols.decodePng(rendered.bytes(), BarcodeFormat.DATA_MATRIX)).isEqualTo(payload);
  }

  @Test
  void a_size_too_small_for_the_resolution_is_refused_with_the_resolution_it_needs() {
    var spec = new SymbolSpec(Symbology.DATAMATRIX, SymbolFormat.PNG, 1, false, "M", 2.0, 150);
    assertThatThrownBy(() -> renderer.render(payload, spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dpi or more");
  }

  @Test
  void svg_with_a_physical_size_is_in_millimetres() {
    var spec = new SymbolSpec(Symbology.QR, SymbolFormat.SVG, 1, false, "M", 20.0, 300);
    String svg = new String(renderer.render(payload, spec).bytes(), StandardCharsets.UTF_8);
    assertThat(svg).containsPattern("width=\"[0-9.]+mm\"");
  }

  @Test
  void zpl_draws_each_symbology_with_the_printer_and_escapes_field_data() {
    for (Symbology symbology : Symbology.values()) {
      String zpl =
          new String(
              renderer
                  .render(payload, new SymbolSpec(symbology, SymbolFormat.ZPL, 4, false, "Q"))
                  .bytes(),
              StandardCharsets.US_ASCII);
      assertThat(zpl).startsWith("^XA").endsWith("^XZ\n").contains(payload + "^FS");
      assertThat(zpl)
          .contains(
              switch (symbology) {
                case DATAMATRIX -> "^BXN,4,200";
                case QR -> "^BQN,2,4^FH\\^FDQA,";
                case CODE128 -> "^BCN,";
              });
    }
    assertThat(SymbolRenderer.zplHex("A^B~C\\D\u00e9")).isEqualTo("A\\5EB\\7EC\\5CD\\C3\\A9");
  }

  /**
   * Record -> payload -> symbol -> PNG -> Traza's decoder -> parser -> the same payload, for every
   * symbology and payload format.
   */
  @Test
  void every_payload_format_round_trips_through_every_symbology() throws Exception {
    FirearmMarkings markings = new FirearmMarkings();
    markings.cageCode = java.util.Optional.of("1ABC5");
    markings.gs1CompanyPrefix = java.util.Optional.of("0614141");
    var firearm =
        new org.traza.registry.boundary.FirearmDirectory.FirearmIdentity(
            4711,
            "GLOCK",
            "Glock",
            "17 Gen5",
            "AT",
            2019,
            "ABC 12345",
            "ABC12345",
            "AR",
            2021,
            false,
            null);
    var decoder =
        new org.traza.scanner.decode.SymbolDecoder(
            java.util.EnumSet.allOf(org.traza.scanner.decode.Symbology.class), Long.MAX_VALUE);
    for (FirearmMarkings.PayloadKind kind : FirearmMarkings.PayloadKind.values()) {
      var payload = markings.payload(firearm, kind);
      for (Symbology symbology : Symbology.values()) {
        var png =
            renderer.render(
                payload.encode(), new SymbolSpec(symbology, SymbolFormat.PNG, 4, false, "M"));
        var image = org.traza.scanner.decode.Images.read(png.bytes(), 10_000_000);
        var read = decoder.decode(image);
        assertThat(read).as(kind + " in " + symbology).hasSize(1);
        assertThat(Payloads.detect(read.get(0).payloadText()))
            .as(kind + " in " + symbology)
            .contains(payload);
      }
    }
    var giai =
        (org.traza.scanner.payload.Giai)
            markings.payload(firearm, FirearmMarkings.PayloadKind.GIAI);
    assertThat(markings.registryIdOf(giai)).contains(4711L);
  }
}
