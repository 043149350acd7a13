package org.traza.platform.entity;

/** Recognises the photo formats the registry keeps (JPEG, PNG, WebP) from their first bytes. */
public final class PhotoBytes {

  private PhotoBytes() {}

  /** The media type of {@code b}, or null when it is not a JPEG, PNG or WebP image. */
  public static String mediaType(byte[] b) {
    if (b == null || b.length < 12) {
      return null;
    }
    if ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
      return "image/jpeg";
    }
    if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E') {
      return "image/webp";
    }
    return null;
  }

  public static boolean isPhoto(byte[] b) {
    return mediaType(b) != null;
  }
}
