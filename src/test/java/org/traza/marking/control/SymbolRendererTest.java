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
}
