package org.traza.scanner.decode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/** The shared benchmark set of ../shared/bench/barcodes (manifest.tsv and its images). */
record BarcodeSet(Path root, List<Row> rows) {

  record Row(String path, Symbology symbology, String expected, int rotation, GrayImage image) {}

  static Path defaultRoot() {
    String configured = System.getProperty("traza.bench.barcodes");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared").resolve("bench/barcodes");
      if (Files.isRegularFile(candidate.resolve("manifest.tsv"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "no ../shared/bench/barcodes found; set -Dtraza.bench.barcodes=<dir>");
  }

  static BarcodeSet load(Path root) throws IOException {
    List<String> lines = Files.readAllLines(root.resolve("manifest.tsv"), StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      Symbology symbology =
          switch (f[1]) {
            case "qrcode" -> Symbology.QR_CODE;
            case "datamatrix" -> Symbology.DATA_MATRIX;
            case "code128" -> Symbology.CODE_128;
            default -> throw new IllegalArgumentException(f[1]);
          };
      String expected = new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8);
      GrayImage image = Images.toGray(ImageIO.read(root.resolve(f[0]).toFile()));
      rows.add(new Row(f[0], symbology, expected, Integer.parseInt(f[3]), image));
    }
    return new BarcodeSet(root, rows);
  }
}
