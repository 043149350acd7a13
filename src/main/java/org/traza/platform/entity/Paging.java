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
}
