package org.traza.destruction.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A firearm on a destruction order, and when it was scanned at the site. */
@Embeddable
public class OrderItem {

  @Column(name = "firearm_id", nullable = false)
  private long firearmId;

  @Column(name = "scanned_at")
  private Instant scannedAt;

  @Column(name = "scanned_by", length = 64)
  @Size(max = 64)
  private String scannedBy;

  protected OrderItem() {}

  public OrderItem(long firearmId) {
    this.firearmId = firearmId;
  }

  void scanned(Instant at, String by) {
    this.scannedAt = at;
    this.scannedBy = by;
  }

  public long firearmId() {
    return firearmId;
  }

  public Instant scannedAt() {
    return scannedAt;
  }

  public String scannedBy() {
    return scannedBy;
  }

  public boolean isScanned() {
    return scannedAt != null;
  }
}
