package org.traza.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.scanner.decode.Images;
import org.traza.scanner.decode.UnreadableImageException;

/**
 * The one gate every uploaded image passes, whether it is decoded (scans, photo verifications) or
 * only kept (destruction and trace photos): a JPEG, PNG or WebP by its own bytes, the format it was
 * sent as, at most {@code scan.max-megapixels} by its header (a decompression bomb costs nothing),
 * and whole ({@link Images#inspect}). Bytes are limited before this, by the request filter.
 */
@ApplicationScoped
public class UploadedImages {

  /** The media types an image may be sent as, for messages and documentation. */
  public static final String ACCEPTED = "image/jpeg, image/png or image/webp";

  @Inject
  @ConfigProperty(name = "scan.max-megapixels", defaultValue = "40")
  double maxMegapixels;

  @PostConstruct
  void init() {
    // ImageIO's registry is JVM-wide and scans the class path it started with; the WebP reader
    // sits in this application's libraries and registers only when asked from here
    ImageIO.scanForPlugins();
  }

  /** The largest width x height taken. */
  public long maxPixels() {
    return (long) (maxMegapixels * 1_000_000);
  }

  /**
   * Checks an upload and answers what its header says.
   *
   * @param declaredType the Content-Type it was sent with; null or {@code application/octet-stream}
   *     let the bytes alone decide
   * @throws ProblemException 400 unreadable-image (empty, not an image, truncated, damaged), 413
   *     image-too-large, 415 unsupported-media-type (another image format, or not the format it was
   *     sent as)
   */
  public Images.Header check(byte[] bytes, String declaredType) {
    Images.Header header;
    try {
      header = Images.inspect(bytes, maxPixels());
    } catch (UnreadableImageException e) {
      throw problem(e);
    }
    Images.Format declared = Images.Format.ofMediaType(declaredType);
    if (declaredType != null && !declaredType.isBlank() && !isOctetStream(declaredType)) {
      if (declared != header.format()) {
        throw new ProblemException(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "The body is a "
                    + header.format()
                    + " image but was sent as "
                    + declaredType
                    + "; send it as "
                    + header.format().mediaType()
                    + ".")
            .with("accepted", java.util.List.of("image/jpeg", "image/png", "image/webp"));
      }
    }
    return header;
  }

  /** The problem an unreadable image amounts to, for callers that decode it themselves. */
  public static ProblemException problem(UnreadableImageException e) {
    return switch (e.reason()) {
      case TOO_LARGE -> new ProblemException(ProblemType.IMAGE_TOO_LARGE, e.getMessage());
      case UNSUPPORTED_FORMAT ->
          new ProblemException(
                  ProblemType.UNSUPPORTED_MEDIA_TYPE,
                  e.getMessage() + " Send a JPEG, PNG or WebP image as " + ACCEPTED + ".")
              .with("accepted", java.util.List.of("image/jpeg", "image/png", "image/webp"));
      default -> new ProblemException(ProblemType.UNREADABLE_IMAGE, e.getMessage());
    };
  }

  private static boolean isOctetStream(String type) {
    return type.split(";", 2)[0].trim().equalsIgnoreCase("application/octet-stream");
  }
}
