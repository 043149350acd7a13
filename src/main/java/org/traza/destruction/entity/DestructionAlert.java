package org.traza.destruction.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Something auditors must see about destruction: insert-only. */
@Entity
@Table(name = "destruction_alert")
public class DestructionAlert {

  /** The kinds of alert. */
  public enum Kind {
    /** a destroyed firearm was scanned or acted on again */
    DESTROYED_FIREARM_SIGHTED,
    /** the creator of an order tried to approve it */
    SELF_APPROVAL_ATTEMPTED,
    /** a scan at the site found what does not fit the order */
    SITE_SCAN_MISMATCH
  }

  public static final int DETAIL_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "kind", nullable = false, updatable = false, length = 40)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Kind kind;

  @Column(name = "firearm_id", updatable = false)
  private Long firearmId;

  @Column(name = "order_id", updatable = false)
  private Long orderId;

  @Column(name = "detail", nullable = false, updatable = false, length = DETAIL_MAX)
  @Size(max = DETAIL_MAX)
  private String detail;

  @Column(name = "actor", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String actor;

  @Column(name = "raised_at", nullable = false, updatable = false)
  private Instant raisedAt;

  protected DestructionAlert() {}

  public DestructionAlert(
      Kind kind, Long firearmId, Long orderId, String detail, String actor, Instant at) {
    this.kind = kind;
    this.firearmId = firearmId;
    this.orderId = orderId;
    this.detail = detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail;
    this.actor = actor;
    this.raisedAt = at;
  }

  public Long id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public Long firearmId() {
    return firearmId;
  }

  public Long orderId() {
    return orderId;
  }

  public String detail() {
    return detail;
  }

  public String actor() {
    return actor;
  }

  public Instant raisedAt() {
    return raisedAt;
  }
}
