package org.traza.platform.entity;

/**
 * Checks paging parameters. (Bean Validation on query parameters is avoided: Payara's OpenAPI
 * generator fails on {@code @Max} there.)
 */
public final class Paging {

  private Paging() {}

  public static void checkLimit(int limit, int max) {
    if (limit < 1 || limit > max) {
      throw ProblemException.invalid("limit", "must be between 1 and " + max);
    }
  }

  /** The keyset cursor a client passes back ({@code nextCursor} of the previous page), or null. */
  public static Long cursor(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("cursor", "pass back the nextCursor of the previous page");
    }
  }
}
