package org.traza.scanner.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Recall, misreads and time per image of {@link SymbolDecoder} over ../shared/bench/barcodes, next
 * to plain ZXing Java measured in the same run. Run with {@code mvn -Pbench verify} (or {@code -pl
 * scanner-integration} for this benchmark alone). One thread, images preloaded, decode time only,
 * each row restricted to its own format, as in the set's reference results.
 */
class DecoderBenchmark {

  /** zxing-cpp 3.1.1 on the same set, from its README (recall of all rows, %). */
  private static final Map<Symbology, Double> ZXING_CPP =
      Map.of(Symbology.QR_CODE, 91.4, Symbology.DATA_MATRIX, 94.2, Symbology.CODE_128, 100.0);

  private static final double ZXING_CPP_ALL = 93.2;

  private record Outcome(boolean pass, boolean misread, long nanos, String foundBy) {}

  private record Figures(String name, List<BarcodeSet.Row> rows, List<Outcome> outcomes) {

    double recall(Symbology symbology, boolean rotationZeroOnly) {
      int n = 0;
      int ok = 0;
      for (int i = 0; i < rows.size(); i++) {
        BarcodeSet.Row row = rows.get(i);
        if ((symbology == null || row.symbology() == symbology)
            && (!rotationZeroOnly || row.rotation() == 0)) {
          n++;
          ok += outcomes.get(i).pass ? 1 : 0;
        }
      }
      return 100.0 * ok / n;
    }

    long misreads() {
      return outcomes.stream().filter(Outcome::misread).count();
    }

    double[] millis() {
      return outcomes.stream().mapToDouble(o -> o.nanos / 1e6).sorted().toArray();
    }
  }

  @Test
  void decoder_over_the_shared_barcode_set() throws IOException {
    Path root = BarcodeSet.defaultRoot();
    long t0 = System.nanoTime();
    BarcodeSet set = BarcodeSet.load(root);
    log(
        "loaded %d rows from %s in %.1f s",
        set.rows().size(), root, (System.nanoTime() - t0) / 1e9);

    Figures plain = measure("plain ZXing Java", set, DecoderBenchmark::plainZxing);
    Figures traza =
        measure(
            "Traza SymbolDecoder",
            set,
            row ->
                new SymbolDecoder(EnumSet.of(row.symbology()), SymbolDecoder.DEFAULT_BUDGET_NANOS)
                    .decode(row.image()));

    Figures all =
        measure(
            "Traza decodeAll (as the server runs it)",
            set,
            row ->
                new SymbolDecoder(EnumSet.of(row.symbology()), SymbolDecoder.DEFAULT_BUDGET_NANOS)
                    .decodeAll(row.image()));

    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "| decoder | QR rot0 / all | DM rot0 / all | C128 rot0 / all | all rows | misreads |"
                + " ms/image median / mean / p95 / max |%n|---|---|---|---|---|---|---|%n"));
    for (Figures f : List.of(plain, traza, all)) {
      double[] ms = f.millis();
      report.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f | %d | %.2f / %.2f / %.2f /"
                  + " %.0f |%n",
              f.name,
              f.recall(Symbology.QR_CODE, true),
              f.recall(Symbology.QR_CODE, false),
              f.recall(Symbology.DATA_MATRIX, true),
              f.recall(Symbology.DATA_MATRIX, false),
              f.recall(Symbology.CODE_128, true),
              f.recall(Symbology.CODE_128, false),
              f.recall(null, false),
              f.misreads(),
              ms[ms.length / 2],
              Arrays.stream(ms).average().orElse(0),
              ms[(int) (ms.length * 0.95)],
              ms[ms.length - 1]));
    }
    report.append(
        String.format(
            Locale.ROOT,
            "| zxing-cpp 3.1.1 (the set's README, not re-measured) | 91.2 / 91.4 | 95.8 / 94.2 |"
                + " 100 / 100 | %.1f | - | 0.49 mean |%n",
            ZXING_CPP_ALL));
    Map<String, Integer> byPass = new TreeMap<>();
    StringBuilder misses = new StringBuilder();
    for (int i = 0; i < set.rows().size(); i++) {
      Outcome o = traza.outcomes.get(i);
      if (o.pass) {
        byPass.merge(o.foundBy, 1, Integer::sum);
      } else {
        misses.append(o.misread ? "OTHER TEXT " : "NOTHING    ").append(set.rows().get(i).path());
        misses.append('\n');
      }
    }
    report.append("\nrows read, by the pass that first read them: ").append(byPass).append('\n');
    report.append(
        "\nMisreads: rows where a symbol was returned and none had the expected text. A symbol the"
            + " set does not list (the outer code of qrcode-2_16, a QR code inside a QR code) counts"
            + " as one, as the set's README defines.\n");
    System.out.println();
    System.out.println(report);

    Path out = Path.of(System.getProperty("bench.out", "../target/bench"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("decoder.txt"), report, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("decoder-misses.txt"), misses, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("decoder.svg"), chart(plain, traza), StandardCharsets.UTF_8);
    log("wrote %s/decoder.txt, decoder.svg and decoder-misses.txt", out.toAbsolutePath());

    assertThat(traza.recall(null, false))
        .as("Traza must read more than plain ZXing Java")
        .isGreaterThan(plain.recall(null, false));
  }

  private static Figures measure(
      String name, BarcodeSet set, Function<BarcodeSet.Row, List<DecodedSymbol>> decoder) {
    // one untimed round so that the JIT has compiled the decoders before the timed one
    for (BarcodeSet.Row row : set.rows()) {
      decoder.apply(row);
    }
    List<Outcome> outcomes = new ArrayList<>();
    int done = 0;
    for (BarcodeSet.Row row : set.rows()) {
      long start = System.nanoTime();
      List<DecodedSymbol> found = decoder.apply(row);
      long nanos = System.nanoTime() - start;
      boolean pass = found.stream().anyMatch(s -> s.text().equals(row.expected()));
      String by =
          found.stream()
              .filter(s -> s.text().equals(row.expected()))
              .map(DecodedSymbol::pass)
              .findFirst()
              .orElse(null);
      outcomes.add(new Outcome(pass, !pass && !found.isEmpty(), nanos, by));
      if (++done % 254 == 0) {
        log("%s: %d / %d rows", name, done, set.rows().size());
      }
    }
    return new Figures(name, set.rows(), outcomes);
  }

  /** The set's reference configuration of ZXing Java: TRY_HARDER, the row's format, Hybrid. */
  private static List<DecodedSymbol> plainZxing(BarcodeSet.Row row) {
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    hints.put(
        DecodeHintType.POSSIBLE_FORMATS,
        List.of(
            switch (row.symbology()) {
              case QR_CODE -> BarcodeFormat.QR_CODE;
              case DATA_MATRIX -> BarcodeFormat.DATA_MATRIX;
              case CODE_128 -> BarcodeFormat.CODE_128;
            }));
    try {
      var result =
          new MultiFormatReader()
              .decode(
                  new BinaryBitmap(new HybridBinarizer(new GrayLuminanceSource(row.image()))),
                  hints);
      return List.of(
          new DecodedSymbol(row.symbology(), result.getText(), false, List.of(), "zxing"));
    } catch (ReaderException e) {
      return List.of();
    }
  }

  /** Grouped bars: recall of all rows per format, for the three decoders. */
  private static String chart(Figures plain, Figures traza) {
    List<String> labels = List.of("QR Code", "Data Matrix", "Code 128", "all rows");
    List<Symbology> formats =
        Arrays.asList(Symbology.QR_CODE, Symbology.DATA_MATRIX, Symbology.CODE_128, null);
    String[] colours = {"#9e9e9e", "#1565c0", "#2e7d32"};
    String[] names = {"plain ZXing Java (measured)", "Traza (measured)", "zxing-cpp (reference)"};
    int width = 640;
    int height = 320;
    int left = 50;
    int bottom = 260;
    double scale = 2.2; // px per percent
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif'"
                + " font-size='12'>%n<text x='%d' y='18' font-size='14'>Recall on the shared barcode"
                + " set (1016 rows, %%)</text>%n",
            width,
            height,
            left));
    for (int p = 0; p <= 100; p += 25) {
      double y = bottom - p * scale;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1='%d' x2='%d' y1='%.0f' y2='%.0f' stroke='#ddd'/><text x='%d' y='%.0f'"
                  + " text-anchor='end'>%d</text>%n",
              left,
              width - 10,
              y,
              y,
              left - 5,
              y + 4,
              p));
    }
    for (int g = 0; g < labels.size(); g++) {
      Symbology f = formats.get(g);
      double[] values = {
        plain.recall(f, false), traza.recall(f, false), f == null ? ZXING_CPP_ALL : ZXING_CPP.get(f)
      };
      int x0 = left + 15 + g * 145;
      for (int b = 0; b < 3; b++) {
        double h = values[b] * scale;
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x='%d' y='%.1f' width='36' height='%.1f' fill='%s'/><text x='%d' y='%.1f'"
                    + " text-anchor='middle' font-size='10'>%.1f</text>%n",
                x0 + b * 40,
                bottom - h,
                h,
                colours[b],
                x0 + b * 40 + 18,
                bottom - h - 3,
                values[b]));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%d' y='%d' text-anchor='middle'>%s</text>%n",
              x0 + 58,
              bottom + 16,
              labels.get(g)));
    }
    for (int b = 0; b < 3; b++) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='%d' y='%d' width='12' height='12' fill='%s'/><text x='%d' y='%d'>%s</text>%n",
              left + b * 190,
              bottom + 32,
              colours[b],
              left + b * 190 + 16,
              bottom + 42,
              names[b]));
    }
    return svg.append("</svg>\n").toString();
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }
}
