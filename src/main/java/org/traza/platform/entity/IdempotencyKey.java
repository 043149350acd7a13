package org.traza.platform.entity;

/** A client's idempotency key: unique per intended action, so that a retry acts at most once. */
public final class IdempotencyKey {

  /** The longest key accepted (the columns that keep them). */
  public static final int MAX = 100;

  private IdempotencyKey() {}

  /** {@code key}, or null when none was sent; 400 when it is too long. */
  public static String optional(String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    if (key.length() > MAX) {
      throw ProblemException.invalid("idempotencyKey", "at most " + MAX + " characters");
    }
    return key;
  }

  /** {@code key}; 400 when it is missing or too long. */
  public static String required(String key) {
    if (key == null || key.isBlank() || key.length() > MAX) {
      throw ProblemException.invalid("idempotencyKey", "required, at most " + MAX + " characters");
    }
    return key;
  }
}
