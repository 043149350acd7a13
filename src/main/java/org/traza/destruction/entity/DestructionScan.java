package org.traza.destruction.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** One scan at a destruction site, whatever it found: insert-only. */
@Entity
@Table(name = "destruction_scan")
public class DestructionScan {

  /** Where site scans' idempotency keys apply (see platform's IdempotentRequest). */
  public static final String IDEMPOTENCY_SCOPE = "destruction-scan";

  public static final int TEXT_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false, updatable = false)
  private long orderId;

  @Column(name = "scanned_text", nullable = false, updatable = false, length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String scannedText;

  @Column(name = "firearm_id", updatable = false)
  private Long firearmId;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, updatable = false, length = 30)
  private DestructionOrder.ScanOutcome outcome;

  @Column(name = "station", updatable = false, length = 64)
  @Size(max = 64)
  private String station;

  @Column(name = "scanned_at", nullable = false, updatable = false)
  private Instant scannedAt;

  @Column(name = "scanned_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String scannedBy;

  @Column(name = "idempotency_key", updatable = false, length = 100)
  @Size(max = 100)
  private String idempotencyKey;

  @Column(name = "request_digest", updatable = false, length = 64)
  @Size(max = 64)
  private String requestDigest;

  protected DestructionScan() {}

  public DestructionScan(
      long orderId,
      String scannedText,
      Long firearmId,
      DestructionOrder.ScanOutcome outcome,
      String station,
      Instant at,
      String by) {
    this.orderId = orderId;
    this.scannedText = scannedText;
    this.firearmId = firearmId;
    this.outcome = outcome;
    this.station = station;
    this.scannedAt = at;
    this.scannedBy = by;
  }

  /** The key a station sent with the scan, so that a retry finds it instead of scanning twice. */
  public DestructionScan keyed(String key, String requestDigest) {
    this.idempotencyKey = key;
    this.requestDigest = key == null ? null : requestDigest;
    return this;
  }

  /** The digest of the request that made the scan; null without a key or from before digests. */
  public String requestDigest() {
    return requestDigest;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public Long id() {
    return id;
  }

  public long orderId() {
    return orderId;
  }

  public String scannedText() {
    return scannedText;
  }

  public Long firearmId() {
    return firearmId;
  }

  public DestructionOrder.ScanOutcome outcome() {
    return outcome;
  }

  public String station() {
    return station;
  }

  public Instant scannedAt() {
    return scannedAt;
  }

  public String scannedBy() {
    return scannedBy;
  }
}
