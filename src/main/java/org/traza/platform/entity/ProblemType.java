package org.traza.platform.entity;

/**
 * Every kind of problem the API reports, each with a stable type URI, a fixed title and its HTTP
 * status (RFC 9457). Clients branch on {@link #uri()}; the README lists them all.
 */
public enum ProblemType {
  VALIDATION_FAILED(400, "validation-failed", "The request is not valid"),
  MALFORMED_BODY(400, "malformed-body", "The request body cannot be read"),
  UNREADABLE_IMAGE(400, "unreadable-image", "The image cannot be read"),
  UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
  INVALID_CREDENTIALS(401, "invalid-credentials", "The username or password is wrong"),
  FORBIDDEN(403, "forbidden", "This role may not do this"),
  OUTSIDE_ARMOURY(403, "outside-armoury", "This belongs to another armoury"),
  STATION_REFUSED(401, "station-refused", "The station credential is not valid"),
  NOT_FOUND(404, "not-found", "No such resource"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "This method is not allowed here"),
  NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
  CONFLICT(409, "conflict", "The request conflicts with the current state"),
  DUPLICATE_FIREARM(409, "duplicate-firearm", "This firearm is already registered"),
  ILLEGAL_STATE_TRANSITION(
      409, "illegal-state-transition", "The firearm's current state does not allow this action"),
  MARKING_REQUIRED(409, "marking-required", "The firearm must be marked first"),
  IDEMPOTENCY_KEY_REUSED(
      409, "idempotency-key-reused", "The idempotency key was used for a different request"),
  MARKING_MISMATCH(409, "marking-mismatch", "The scanned mark does not match the record"),
  RECORD_VOIDED(409, "record-voided", "The record is void"),
  SEGREGATION_OF_DUTIES(
      409, "segregation-of-duties", "The same person cannot take both parts of a four-eyes step"),
  CONCURRENT_MODIFICATION(409, "concurrent-modification", "Someone else changed this record"),
  PRECONDITION_FAILED(412, "precondition-failed", "The record has changed since it was read"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
  IMAGE_TOO_LARGE(413, "image-too-large", "The image has too many pixels"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The media type is not supported"),
  PRECONDITION_REQUIRED(428, "precondition-required", "An If-Match header is required"),
  INTERNAL_ERROR(500, "internal-error", "Something went wrong on the server"),
  DATABASE_UNAVAILABLE(503, "database-unavailable", "The database is unavailable"),
  DECODER_BUSY(503, "decoder-busy", "Too many images are being decoded"),
  OUTCOME_UNKNOWN(
      503, "outcome-unknown", "The outcome is unknown: retry with the same idempotency key"),
  // accounts and sessions (issue 17)
  WEAK_PASSWORD(400, "weak-password", "The password is too weak"),
  PASSWORD_CHANGE_REQUIRED(
      403, "password-change-required", "The password must be changed before anything else"),
  TOO_MANY_ATTEMPTS(429, "too-many-attempts", "Too many failed attempts; wait and try again");

  /** Base of every problem type URI; relative, so it resolves against the server that sent it. */
  public static final String BASE = "/problems/";

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String uri() {
    return BASE + slug;
  }

  /** The generic problem for an HTTP status that the API reports without a domain reason. */
  public static ProblemType forStatus(int status) {
    return switch (status) {
      case 400 -> MALFORMED_BODY;
      case 401 -> UNAUTHENTICATED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 412 -> PRECONDITION_FAILED;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 428 -> PRECONDITION_REQUIRED;
      case 503 -> DATABASE_UNAVAILABLE;
      default -> INTERNAL_ERROR;
    };
  }
}
