package org.traza.marking.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 * filter), pixels (checked from the image header before decoding) and images decoded at once.
 */
@ApplicationScoped
public class ScanDecoder {

  @Inject
  @ConfigProperty(name = "scan.max-megapixels", defaultValue = "40")
  double maxMegapixels;

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
    // ImageIO's registry is JVM-wide and scans the class path it started with; the WebP reader
    // sits in this application's libraries and registers only when asked from here
    ImageIO.scanForPlugins();
  }

  public Decoded decode(byte[] bytes) {
    GrayImage image;
    boolean acquired = false;
    try {
      acquired = permits.tryAcquire(10, TimeUnit.SECONDS);
      if (!acquired) {
        throw new ProblemException(
            ProblemType.DECODER_BUSY, "Too many images are being decoded; try again shortly.");
      }
      long started = System.nanoTime();
      image = Images.read(bytes, (long) (maxMegapixels * 1_000_000));
      List<DecodedSymbol> symbols = decoder.decodeAll(image);
      return new Decoded(
          image.width(), image.height(), symbols, (System.nanoTime() - started) / 1_000_000);
    } catch (UnreadableImageException e) {
      throw new ProblemException(
          e.reason() == UnreadableImageException.Reason.TOO_LARGE
              ? ProblemType.IMAGE_TOO_LARGE
              : ProblemType.UNREADABLE_IMAGE,
          e.getMessage());
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
