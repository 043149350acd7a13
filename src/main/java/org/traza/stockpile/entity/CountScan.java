package org.traza.stockpile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** One item scanned during a count: the text as read, and the firearm it designates if any. */
@Entity
@Table(name = "stock_count_scan")
public class CountScan {

  public static final int TEXT_MAX = 500;

  /** Where count scans' idempotency keys apply (see platform's IdempotentRequest). */
  public static final String IDEMPOTENCY_SCOPE = "stock-count-scan";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "stock_count_id", nullable = false, updatable = false)
  private long stockCountId;

  @Column(name = "scanned_text", nullable = false, updatable = false, length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String scannedText;

  @Column(name = "firearm_id", updatable = false)
  private Long firearmId;

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

  protected CountScan() {}

  public CountScan(
      long stockCountId,
      String scannedText,
      Long firearmId,
      String station,
      Instant at,
      String by) {
    this.stockCountId = stockCountId;
    this.scannedText = scannedText;
    this.firearmId = firearmId;
    this.station = station;
    this.scannedAt = at;
    this.scannedBy = by;
  }

  /** The key a station sent with the scan, so that a retry finds it instead of scanning twice. */
  public CountScan keyed(String key, String requestDigest) {
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

  public long stockCountId() {
    return stockCountId;
  }

  public String scannedText() {
    return scannedText;
  }

  public Long firearmId() {
    return firearmId;
  }
}
