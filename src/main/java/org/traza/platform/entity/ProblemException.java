package org.traza.platform.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client-facing failure with a problem type and a detail sentence that is safe to show. Domain
 * code throws it (or a subclass); the platform maps it to {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

  /**
   * The extension member that also becomes a {@code Retry-After} header (seconds), for 429 and 503
   * problems.
   */
  public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

  private final ProblemType type;
  private final Map<String, Object> extensions = new LinkedHashMap<>();
  private final List<Violation> violations;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ProblemException(ProblemType type, String detail, List<Violation> violations) {
    super(detail);
    this.type = type;
    this.violations = List.copyOf(violations);
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        ProblemType.VALIDATION_FAILED,
        "The request has an invalid field: " + field + ".",
        List.of(new Violation(field, message)));
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(ProblemType.NOT_FOUND, "No " + what + " with id " + id + ".");
  }

  /** Adds an extension member (RFC 9457 section 3.2) such as the URI of a conflicting record. */
  public ProblemException with(String name, Object value) {
    extensions.put(name, value);
    return this;
  }

  public ProblemType type() {
    return type;
  }

  public Map<String, Object> extensions() {
    return Collections.unmodifiableMap(extensions);
  }

  public List<Violation> violations() {
    return violations;
  }

  /** One invalid field: its JSON path and what is wrong with it. */
  public record Violation(String field, String message) {}
}
