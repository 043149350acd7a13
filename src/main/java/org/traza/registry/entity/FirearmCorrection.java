package org.traza.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** One changed field of a firearm record: insert only, kept for as long as the record. */
@Entity
@Table(name = "firearm_correction")
public class FirearmCorrection {

  public static final int VALUE_MAX = 2000;
  public static final int REASON_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "firearm_id", nullable = false, updatable = false)
  private Firearm firearm;

  @Column(name = "revision", nullable = false, updatable = false)
  private long revision;

  @Column(name = "field", nullable = false, updatable = false, length = 40)
  @Size(max = 40)
  private String field;

  @Column(name = "old_value", updatable = false, length = VALUE_MAX)
  @Size(max = VALUE_MAX)
  private String oldValue;

  @Column(name = "new_value", updatable = false, length = VALUE_MAX)
  @Size(max = VALUE_MAX)
  private String newValue;

  @Column(name = "reason", nullable = false, updatable = false, length = REASON_MAX)
  @Size(max = REASON_MAX)
  private String reason;

  @Column(name = "corrected_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String correctedBy;

  @Column(name = "corrected_at", nullable = false, updatable = false)
  private Instant correctedAt;

  protected FirearmCorrection() {}

  FirearmCorrection(
      Firearm firearm,
      long revision,
      String field,
      Object oldValue,
      Object newValue,
      String reason,
      String correctedBy,
      Instant correctedAt) {
    this.firearm = firearm;
    this.revision = revision;
    this.field = field;
    this.oldValue = oldValue == null ? null : oldValue.toString();
    this.newValue = newValue == null ? null : newValue.toString();
    this.reason = reason;
    this.correctedBy = correctedBy;
    this.correctedAt = correctedAt;
  }

  public long revision() {
    return revision;
  }

  public String field() {
    return field;
  }

  public String oldValue() {
    return oldValue;
  }

  public String newValue() {
    return newValue;
  }

  public String reason() {
    return reason;
  }

  public String correctedBy() {
    return correctedBy;
  }

  public Instant correctedAt() {
    return correctedAt;
  }
}
