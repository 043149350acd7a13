package org.traza.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The refusal a request under an idempotency key came to: its status and problem document as
 * answered, kept so that every retry with the key is answered the same. Accepted requests are kept
 * by the record they made (a custody event, a scan), not here.
 */
@Entity
@Table(name = "idempotent_outcome")
public class IdempotentOutcome {

  public static final int SCOPE_MAX = 40;
  public static final int BODY_MAX = 8000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "scope", nullable = false, updatable = false, length = SCOPE_MAX)
  @Size(max = SCOPE_MAX)
  private String scope;

  @Column(
      name = "idempotency_key",
      nullable = false,
      updatable = false,
      length = IdempotencyKey.MAX)
  @Size(max = IdempotencyKey.MAX)
  private String idempotencyKey;

  @Column(name = "request_digest", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String requestDigest;

  @Column(name = "status", nullable = false, updatable = false)
  private int status;

  @Column(name = "body", nullable = false, updatable = false, length = BODY_MAX)
  @Size(max = BODY_MAX)
  private String body;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String createdBy;

  protected IdempotentOutcome() {}

  public IdempotentOutcome(
      IdempotentRequest request, int status, String body, Instant at, String by) {
    if (status < 400 || status >= 500) {
      throw new IllegalArgumentException("only refusals (4xx) are kept: " + status);
    }
    if (body.length() > BODY_MAX) {
      throw new IllegalArgumentException("a problem document of " + body.length() + " chars");
    }
    this.scope = request.scope();
    this.idempotencyKey = request.key();
    this.requestDigest = request.digest();
    this.status = status;
    this.body = body;
    this.createdAt = at;
    this.createdBy = by;
  }

  /** Whether {@code request} is the one that came to this outcome (not the key used again). */
  public boolean answers(IdempotentRequest request) {
    return scope.equals(request.scope())
        && idempotencyKey.equals(request.key())
        && requestDigest.equals(request.digest());
  }

  public Long id() {
    return id;
  }

  public String scope() {
    return scope;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public int status() {
    return status;
  }

  /** The problem document as first answered (application/problem+json). */
  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
