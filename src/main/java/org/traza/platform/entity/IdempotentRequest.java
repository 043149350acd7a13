package org.traza.platform.entity;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A request sent under an idempotency key: where the key applies ({@code scope}: one kind of
 * request, such as custody events), the key, and a digest of what the request asks for, which tells
 * a retry (same digest) from the key used again for something else.
 */
public record IdempotentRequest(String scope, String key, String digest) {

  public IdempotentRequest {
    Objects.requireNonNull(scope);
    Objects.requireNonNull(key);
    Objects.requireNonNull(digest);
  }

  /**
   * {@code namesAndValues} (name, value, name, value ...) as one canonical SHA-256 (hex): each pair
   * as {@code name=value} on its own line, null as empty, in the order given. The caller lists the
   * fields that decide what the request does, always in the same order.
   */
  public static String digest(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    StringBuilder canonical = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      String text = value == null ? "" : value.toString();
      // a value cannot end its line early and pass for another field
      canonical
          .append(namesAndValues[i])
          .append('=')
          .append(text.replace("\\", "\\\\").replace("\n", "\\n"))
          .append('\n');
    }
    return Sha256.hex(canonical.toString());
  }

  /** The 409 for this key used before for {@code whatItWasUsedFor}. */
  public ProblemException reused(String whatItWasUsedFor) {
    return new ProblemException(
        ProblemType.IDEMPOTENCY_KEY_REUSED,
        "The key "
            + key
            + " was used for "
            + whatItWasUsedFor
            + "; use a new key for a new request.");
  }

  /**
   * Checks that a record made under this key was made by this request: 409 when its digest differs
   * ({@code recordedDigest} null: a record from before digests, which its caller compares as it
   * can).
   */
  public void requireSameAs(String recordedDigest, Supplier<String> whatItWasUsedFor) {
    if (recordedDigest != null && !recordedDigest.equals(digest)) {
      throw reused(whatItWasUsedFor.get());
    }
  }
}
