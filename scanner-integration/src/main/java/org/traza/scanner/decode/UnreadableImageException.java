package org.traza.scanner.decode;

/** The bytes are not an image Traza reads, or one larger than it is allowed to decode. */
public final class UnreadableImageException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why, in words fit for the person who sent the image. */
  public enum Reason {
    EMPTY,
    NOT_AN_IMAGE,
    /** An image, but in a format Traza does not take (BMP, TIFF, GIF, HEIF ...). */
    UNSUPPORTED_FORMAT,
    TOO_LARGE,
    /** Cut short (a JPEG without its end marker, a PNG without IEND) or corrupt. */
    DAMAGED
  }

  private final Reason reason;

  public UnreadableImageException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
