package org.traza.marking.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.platform.control.UploadedImages;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.scanner.decode.DecodedSymbol;
import org.traza.scanner.decode.GrayImage;
import org.traza.scanner.decode.Images;
import org.traza.scanner.decode.SymbolDecoder;
import org.traza.scanner.decode.UnreadableImageException;

/**
 * Reads the symbols of an uploaded photo with the decoder the stations share, within limits that
 * keep a hostile or careless upload from exhausting the server: bytes (checked by the request
 * filter), pixels and wholeness ({@link UploadedImages}, before decoding) and images decoded at
 * once.
 */
@ApplicationScoped
public class ScanDecoder {

  /** The checks every uploaded image passes first: format, declared type, pixels, whole. */
  @Inject UploadedImages uploads;

  @Inject
  @ConfigProperty(name = "scan.concurrent-decodes", defaultValue = "2")
  int concurrentDecodes;

  @Inject
  @ConfigProperty(name = "scan.budget-millis", defaultValue = "1500")
  long budgetMillis;

  private Semaphore permits;
  private SymbolDecoder decoder;

  /** What was found, and the size of the image it was found in. */
  public record Decoded(int width, int height, List<DecodedSymbol> symbols, long elapsedMillis) {}

  @PostConstruct
  void init() {
    permits = new Semaphore(Math.max(1, concurrentDecodes), true);
    decoder =
        new SymbolDecoder(
            java.util.EnumSet.allOf(org.traza.scanner.decode.Symbology.class),
            budgetMillis * 1_000_000L);
  }

  /**
   * The symbols in an uploaded image, sent with Content-Type {@code declaredType} (null or {@code
   * application/octet-stream}: the bytes decide).
   */
  public Decoded decode(byte[] bytes, String declaredType) {
    uploads.check(bytes, declaredType);
    GrayImage image;
    boolean acquired = false;
    try {
      acquired = permits.tryAcquire(10, TimeUnit.SECONDS);
      if (!acquired) {
        throw new ProblemException(
            ProblemType.DECODER_BUSY, "Too many images are being decoded; try again shortly.");
      }
      long started = System.nanoTime();
      image = Images.read(bytes, uploads.maxPixels());
      List<DecodedSymbol> symbols = decoder.decodeAll(image);
      return new Decoded(
          image.width(), image.height(), symbols, (System.nanoTime() - started) / 1_000_000);
    } catch (UnreadableImageException e) {
      throw UploadedImages.problem(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemException(ProblemType.DECODER_BUSY, "The server is shutting down.");
    } finally {
      if (acquired) {
        permits.release();
      }
    }
  }
}
