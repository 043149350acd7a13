package org.traza.scanner.decode;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Reader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.multi.MultipleBarcodeReader;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.oned.Code128Reader;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds and reads every Data Matrix, QR and Code 128 symbol in a photo, with ZXing's readers run
 * over several views of the image (binarizers, rotations, inversion, mirroring, scales, an added
 * quiet zone) until one reads, within a time budget.
 *
 * <p>ZXing's readers never guess: every symbology here carries error correction (Data Matrix, QR)
 * or a check character (Code 128), so a view either reads the encoded text or nothing. More views
 * therefore raise recall without raising misreads; they only cost time, and the views are ordered
 * by how many hard images each one saves (measured on the benchmark set).
 *
 * <p>Thread-safe: readers are created per call.
 */
public final class SymbolDecoder {

  /** How long a single image may take before the remaining views are skipped. */
  public static final long DEFAULT_BUDGET_NANOS = 400_000_000L;

  private final Set<Symbology> symbologies;
  private final long budgetNanos;

  public SymbolDecoder() {
    this(EnumSet.allOf(Symbology.class), DEFAULT_BUDGET_NANOS);
  }

  public SymbolDecoder(Set<Symbology> symbologies, long budgetNanos) {
    if (symbologies.isEmpty()) {
      throw new IllegalArgumentException("at least one symbology");
    }
    this.symbologies = EnumSet.copyOf(symbologies);
    this.budgetNanos = budgetNanos;
  }

  /**
   * The first symbols found, each text once: the views are tried in order until one reads. Fast for
   * the common case of one mark per photo; {@link #decodeAll} looks further.
   */
  public List<DecodedSymbol> decode(GrayImage image) {
    Map<String, DecodedSymbol> found = new LinkedHashMap<>();
    firstReading(image, System.nanoTime(), budgetNanos, found, PASSES);
    return List.copyOf(found.values());
  }

  /**
   * Every symbol of the image, each text once: the first reading as {@link #decode}, then each
   * region of strong contrast (a label of a sheet, a second mark) cropped and read on its own,
   * within the same time budget.
   */
  public List<DecodedSymbol> decodeAll(GrayImage image) {
    long start = System.nanoTime();
    Map<String, DecodedSymbol> found = new LinkedHashMap<>();
    // the quick views of the whole image first, then every region, then the slow views of the
    // whole image if nothing has been read yet: a sheet of labels is read region by region even
    // when the whole image yields nothing quickly
    firstReading(image, start, budgetNanos, found, QUICK_PASSES);
    for (Regions.Box box : Regions.find(image)) {
      long left = budgetNanos - (System.nanoTime() - start);
      if (left <= 0) {
        break;
      }
      if (covered(box, found.values())) {
        continue;
      }
      GrayImage crop = image.cropped(box.left(), box.top(), box.width(), box.height());
      Map<String, DecodedSymbol> inBox = new LinkedHashMap<>();
      firstReading(crop, System.nanoTime(), left, inBox, REGION_PASSES);
      for (DecodedSymbol s : inBox.values()) {
        List<Point> corners =
            s.corners().stream()
                .map(p -> new Point(p.x() + box.left(), p.y() + box.top()))
                .toList();
        found.putIfAbsent(
            key(s),
            new DecodedSymbol(s.symbology(), s.text(), s.gs1(), corners, "region/" + s.pass()));
      }
    }
    if (found.isEmpty()) {
      firstReading(image, start, budgetNanos, found, PASSES);
    }
    return List.copyOf(found.values());
  }

  /** Whether a symbol already found lies inside {@code box} (no need to read it again). */
  private static boolean covered(Regions.Box box, java.util.Collection<DecodedSymbol> found) {
    for (DecodedSymbol s : found) {
      if (s.corners().isEmpty()) {
        continue;
      }
      double cx = s.corners().stream().mapToDouble(Point::x).average().orElse(-1);
      double cy = s.corners().stream().mapToDouble(Point::y).average().orElse(-1);
      if (cx >= box.left()
          && cx < box.left() + box.width()
          && cy >= box.top()
          && cy < box.top() + box.height()) {
        return true;
      }
    }
    return false;
  }

  private static String key(DecodedSymbol s) {
    return s.symbology() + "\u0000" + s.text();
  }

  private void firstReading(
      GrayImage image,
      long start,
      long budget,
      Map<String, DecodedSymbol> found,
      List<Pass> passes) {
    Views views = new Views(image);
    for (Pass pass : passes) {
      if (!pass.appliesTo(image, symbologies)) {
        continue;
      }
      for (DecodedSymbol symbol : run(pass, views)) {
        found.putIfAbsent(key(symbol), symbol);
      }
      if (!found.isEmpty() || System.nanoTime() - start > budget) {
        break;
      }
    }
  }

  /** Runs one named pass alone (the benchmark uses this to rank passes). */
  List<DecodedSymbol> decodeWith(String passName, GrayImage image) {
    for (Pass pass : PASSES) {
      if (pass.name.equals(passName)) {
        return pass.appliesTo(image, symbologies) ? run(pass, new Views(image)) : List.of();
      }
    }
    throw new IllegalArgumentException("no pass " + passName);
  }

  static List<String> passNames() {
    return PASSES.stream().map(p -> p.name).toList();
  }

  private List<DecodedSymbol> run(Pass pass, Views views) {
    View view;
    try {
      view = pass.view.apply(views);
    } catch (IllegalArgumentException e) {
      return List.of(); // a view the image is too small for (a crop of a few pixels)
    }
    if (pass.boofcv) {
      return BoofQrReader.read(view.image).stream()
          .map(
              qr ->
                  new DecodedSymbol(
                      Symbology.QR_CODE,
                      qr.text(),
                      false,
                      qr.corners().stream().map(p -> view.toSource.apply(p.x(), p.y())).toList(),
                      pass.name))
          .toList();
    }
    List<DecodedSymbol> out = new ArrayList<>();
    for (Symbology symbology : symbologies) {
      if (!pass.symbologies.contains(symbology)) {
        continue;
      }
      Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
      hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
      if (pass.pure) {
        hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
      }
      if (symbology == Symbology.CODE_128) {
        hints.put(DecodeHintType.ASSUME_GS1, Boolean.TRUE);
      }
      LuminanceSource source = new GrayLuminanceSource(view.image);
      BinaryBitmap bitmap =
          new BinaryBitmap(
              pass.globalHistogram
                  ? new GlobalHistogramBinarizer(source)
                  : new HybridBinarizer(source));
      try {
        if (pass.multiple) {
          MultipleBarcodeReader multi =
              symbology == Symbology.QR_CODE
                  ? new QRCodeMultiReader()
                  : new GenericMultipleBarcodeReader(reader(symbology));
          for (Result result : multi.decodeMultiple(bitmap, hints)) {
            out.add(symbol(symbology, result, view, pass));
          }
        } else {
          Result result = reader(symbology).decode(bitmap, hints);
          if (symbology == Symbology.CODE_128
              && !result.getText().startsWith("]C1")
              && result.getText().indexOf('\u001d') >= 0) {
            // an FNC1 outside GS1 data is a reader-initialisation mark, not content: read it as
            // ZXing
            // does without ASSUME_GS1, which also keeps a genuine GS character
            hints.remove(DecodeHintType.ASSUME_GS1);
            result = reader(symbology).decode(bitmap, hints);
          }
          out.add(symbol(symbology, result, view, pass));
        }
      } catch (NotFoundException e) {
        // nothing in this view
      } catch (ReaderException | RuntimeException e) {
        // a detector that trips over a strange image reads nothing, like one that finds nothing
      }
    }
    return out;
  }

  private static Reader reader(Symbology symbology) {
    return switch (symbology) {
      case DATA_MATRIX -> new DataMatrixReader();
      case QR_CODE -> new QRCodeReader();
      case CODE_128 -> new Code128Reader();
    };
  }

  private static DecodedSymbol symbol(Symbology symbology, Result result, View view, Pass pass) {
    String text = result.getText();
    Object aim =
        result.getResultMetadata() == null
            ? null
            : result.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
    boolean gs1 = aim != null && ("]d2".equals(aim) || "]Q3".equals(aim) || "]C1".equals(aim));
    if (symbology == Symbology.CODE_128 && text.startsWith("]C1")) {
      gs1 = true;
      text = text.substring(3);
    }
    if (gs1 && !text.isEmpty() && text.charAt(0) == '\u001d') {
      // ZXing Java writes the leading FNC1 of GS1 Data Matrix as GS; plain text has none
      text = text.substring(1);
    }
    List<Point> corners = new ArrayList<>();
    if (result.getResultPoints() != null) {
      for (ResultPoint p : result.getResultPoints()) {
        if (p != null) {
          corners.add(view.toSource.apply(p.getX(), p.getY()));
        }
      }
    }
    return new DecodedSymbol(symbology, text, gs1, corners, pass.name);
  }

  /** An image derived from the submitted one, and the way back to its coordinates. */
  private record View(GrayImage image, PointMap toSource) {}

  /**
   * The derived images of one decode call, each computed at most once. A view is named by its steps
   * from the submitted image, e.g. {@code up2/rot1/inv}: upscaled twice, turned a quarter
   * clockwise, inverted.
   */
  private static final class Views {
    private final Map<String, View> cache = new LinkedHashMap<>();

    Views(GrayImage image) {
      cache.put("", new View(image, Affine.IDENTITY));
    }

    View get(String spec) {
      View view = cache.get(spec);
      if (view != null) {
        return view;
      }
      int slash = spec.lastIndexOf('/');
      View parent = get(slash < 0 ? "" : spec.substring(0, slash));
      view = step(parent, spec.substring(slash + 1));
      cache.put(spec, view);
      return view;
    }

    private static View step(View from, String step) {
      GrayImage image = from.image;
      return switch (step) {
        case "rot1" ->
            new View(
                image.rotatedClockwise(),
                from.toSource.after(Affine.fromClockwise(image.height())));
        case "inv" -> new View(image.inverted(), from.toSource);
        case "dots1" -> new View(image.darkSpread(1), from.toSource);
        case "dots2" -> new View(image.darkSpread(2), from.toSource);
        case "rectify", "rectify-region" -> {
          Rectifier.Rectified r =
              Rectifier.rectify(image, step.equals("rectify"))
                  .orElseThrow(() -> new IllegalArgumentException("nothing to square up"));
          yield new View(r.image(), from.toSource.after(r.toSource()));
        }
        case "deskew" -> {
          double angle = image.dominantEdgeAngle();
          if (Math.abs(angle) < 4) {
            throw new IllegalArgumentException("already square to the axes");
          }
          GrayImage turned = image.rotated(-angle);
          yield new View(
              turned,
              from.toSource.after(
                  Affine.fromRotation(angle, image.width(), image.height(), turned)));
        }
        case "mirror" ->
            new View(image.mirrored(), from.toSource.after(Affine.fromMirror(image.width())));
        case "border" -> {
          int size = Math.max(8, Math.min(image.width(), image.height()) / 8);
          yield new View(image.withBorder(size), from.toSource.after(Affine.fromBorder(size)));
        }
        case "crop0", "crop1", "crop2", "crop3", "crop4" -> {
          // windows of 60 % at the four corners and the centre: ZXing's Data Matrix detector
          // searches outwards from the centre and misses a symbol far from it
          int k = step.charAt(4) - '0';
          int w = image.width() * 3 / 5;
          int h = image.height() * 3 / 5;
          int left = k == 4 ? (image.width() - w) / 2 : (k % 2) * (image.width() - w);
          int top = k == 4 ? (image.height() - h) / 2 : (k / 2) * (image.height() - h);
          yield new View(
              image.cropped(left, top, w, h),
              from.toSource.after(new Affine(1, 0, left, 0, 1, top)));
        }
        default -> {
          int factor = Integer.parseInt(step.substring(step.length() - 1));
          if (step.startsWith("up")) {
            yield new View(image.upscaled(factor), from.toSource.after(Affine.fromScale(factor)));
          }
          if (step.startsWith("down")) {
            yield new View(
                image.downscaled(factor), from.toSource.after(Affine.fromScale(1.0 / factor)));
          }
          throw new IllegalArgumentException(step);
        }
      };
    }
  }

  /** One way of looking at the image. */
  private record Pass(
      String name,
      Set<Symbology> symbologies,
      Function<Views, View> view,
      boolean globalHistogram,
      boolean pure,
      boolean multiple,
      boolean boofcv,
      int minSide,
      int maxSide) {

    boolean appliesTo(GrayImage image, Set<Symbology> wanted) {
      int side = Math.max(image.width(), image.height());
      return side >= minSide && side <= maxSide && symbologies.stream().anyMatch(wanted::contains);
    }
  }

  private static final Set<Symbology> ALL = EnumSet.allOf(Symbology.class);
  private static final Set<Symbology> MATRIX = EnumSet.of(Symbology.DATA_MATRIX, Symbology.QR_CODE);

  private static final int ANY = Integer.MAX_VALUE;

  /** A pass named after its view spec and options: {@code up2/rot1}, {@code rot1+global}. */
  private static Pass pass(String spec, Set<Symbology> symbologies, int minSide, int maxSide) {
    String[] parts = spec.split("\\+");
    String viewSpec = parts[0].equals("original") ? "" : parts[0];
    Set<String> options = Set.of(parts);
    return new Pass(
        spec,
        symbologies,
        v -> v.get(viewSpec),
        options.contains("global"),
        options.contains("pure"),
        options.contains("multi"),
        options.contains("boofcv"),
        minSide,
        maxSide);
  }

  private static Pass pass(String spec, Set<Symbology> symbologies) {
    return pass(spec, symbologies, 0, ANY);
  }

  private static final Set<Symbology> DM = EnumSet.of(Symbology.DATA_MATRIX);

  /** What {@link #decodeAll} tries on the whole image before it looks at regions. */
  private static final List<Pass> QUICK_PASSES =
      List.of(
          pass("original+multi", ALL),
          pass("original", ALL),
          pass("original+boofcv", EnumSet.of(Symbology.QR_CODE)),
          pass("rot1", ALL),
          pass("deskew", ALL),
          pass("inv", ALL));

  /** For each cropped region of {@link #decodeAll}: the views that pay off on a small crop. */
  private static final List<Pass> REGION_PASSES =
      List.of(
          pass("original", ALL),
          pass("rot1", ALL),
          pass("deskew", ALL),
          pass("inv", ALL),
          pass("up2", ALL, 0, 400));

  private static final Set<Symbology> QR = EnumSet.of(Symbology.QR_CODE);

  /**
   * Cheap views first, the upscaled ones (about 10 ms each) last. The order comes from running
   * every pass alone over the benchmark set and adding, greedily, the one that saves the most
   * remaining images per millisecond (PassRanking in the tests).
   */
  private static final List<Pass> PASSES =
      List.of(
          pass("original+multi", ALL),
          pass("original", ALL),
          pass("original+boofcv", QR),
          pass("rot1", ALL),
          pass("deskew", ALL),
          pass("border", ALL),
          pass("inv", ALL),
          pass("mirror", DM),
          pass("original+pure", MATRIX),
          pass("original+global", ALL),
          pass("down2/rot1", ALL, 500, ANY),
          pass("crop0", ALL),
          pass("crop3", ALL),
          pass("up2", ALL, 0, 700),
          pass("up2/rot1", ALL, 0, 700),
          pass("up2/inv", ALL, 0, 700),
          pass("up2+boofcv", QR, 0, 400),
          pass("up2/rot1/rot1", MATRIX, 0, 700),
          pass("up2/rot1/rot1/rot1", MATRIX, 0, 700),
          pass("up2+global", ALL, 0, 700),
          pass("up2/crop2", ALL, 0, 700),
          pass("up3/rot1", ALL, 0, 300),
          pass("up2/rectify-region", DM, 0, 500),
          pass("rectify", DM),
          pass("deskew/rectify-region", DM),
          pass("up2/deskew", ALL, 0, 700),
          pass("deskew+global", ALL),
          pass("deskew/rot1", ALL),
          // dot-peen marks whose round dots do not touch (none in the benchmark set; see the tests)
          pass("dots1", DM),
          pass("dots2", DM));
}
