package org.traza.marking.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.traza.marking.entity.LabelContent;
import org.traza.marking.entity.LabelLayout;
import org.traza.marking.entity.SymbolFormat;
import org.traza.marking.entity.SymbolSpec;
import org.traza.marking.entity.Symbology;
import org.traza.scanner.payload.TrazaMarking;

/**
 * Symbols per second for each symbology and output format, and the time to draw a PDF sheet of 1000
 * labels, in one thread with no server (run by {@code mvn -Pbench verify}).
 */
class RenderingBenchmark {

  private static final int SYMBOLS = Integer.getInteger("bench.symbols", 3000);

  @Test
  void rendering_figures() throws Exception {
    SymbolRenderer renderer = new SymbolRenderer();
    StringBuilder report = new StringBuilder();
    report.append(
        "| symbology | PNG (module 6) per s | SVG per s | ZPL per s |\n|---|---|---|---|\n");
    for (Symbology symbology : Symbology.values()) {
      double[] perSecond = new double[3];
      SymbolFormat[] formats = {SymbolFormat.PNG, SymbolFormat.SVG, SymbolFormat.ZPL};
      for (int f = 0; f < formats.length; f++) {
        SymbolSpec spec = new SymbolSpec(symbology, formats[f], 6, false, "M");
        for (int i = 0; i < SYMBOLS / 3; i++) {
          renderer.render(payload(i), spec); // warm-up
        }
        long start = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < SYMBOLS; i++) {
          bytes += renderer.render(payload(i), spec).bytes().length;
        }
        perSecond[f] = SYMBOLS / ((System.nanoTime() - start) / 1e9);
        assertThat(bytes).isPositive();
      }
      report.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,.0f | %,.0f |%n",
              symbology,
              perSecond[0],
              perSecond[1],
              perSecond[2]));
    }

    LabelSheets sheets = new LabelSheets();
    sheets.renderer = renderer;
    List<LabelContent> labels = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      labels.add(new LabelContent(100_000 + i, payload(i), "Glock 17 Gen5", "ABC" + (10_000 + i)));
    }
    double[] seconds = new double[5];
    int size = 0;
    for (int run = 0; run < seconds.length; run++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long start = System.nanoTime();
      sheets.write(labels, Symbology.DATAMATRIX, LabelLayout.DEFAULT, out, done -> {});
      seconds[run] = (System.nanoTime() - start) / 1e9;
      size = out.size();
    }
    Arrays.sort(seconds);
    report.append(
        String.format(
            Locale.ROOT,
            "%nPDF sheet of 1000 Data Matrix labels (A4, 3 x 7): median %.2f s of 5 runs"
                + " (fastest %.2f s), %,d bytes, %d pages%n",
            seconds[2],
            seconds[0],
            size,
            (1000 + 20) / 21));
    System.out.println();
    System.out.println(report);
    Path out = Path.of(System.getProperty("bench.out", "../target/bench"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("rendering.txt"), report, StandardCharsets.UTF_8);
  }

  private static String payload(int i) {
    return new TrazaMarking(
            1_000_000L + i, "GLOCK", "AT", 2019, "ABC" + (10_000 + i), "AR", 2021, null)
        .encode();
  }
}
