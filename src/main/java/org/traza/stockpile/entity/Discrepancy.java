package org.traza.stockpile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/** A difference between a count and the registry: a case until someone resolves it. */
@Entity
@Table(name = "discrepancy")
public class Discrepancy {

  public static final int TEXT_MAX = 500;

  /** What the count found wrong. */
  public enum Kind {
    /** expected at the location, not scanned */
    MISSING,
    /** scanned, but recorded at another armoury or not in stock */
    UNEXPECTED,
    /** scanned, recorded at another place of the same armoury (wrong rack or bin) */
    MISPLACED,
    /** a scanned symbol that designates no firearm */
    UNKNOWN,
    /** dispatched to one place, received at another: what was sent and what arrived differ */
    MISDELIVERED
  }

  public enum Status {
    OPEN,
    RESOLVED
  }

  /** How a case ended. */
  public enum Resolution {
    FOUND,
    REPORTED_LOST,
    REPORTED_STOLEN,
    RECORD_CORRECTED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The count that found it; null for a case raised by a transfer. */
  @Column(name = "stock_count_id", updatable = false)
  private Long stockCountId;

  /** The location the case concerns: the counted one, or where a misdelivered firearm arrived. */
  @Column(name = "location_id", nullable = false, updatable = false)
  private long locationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false, length = 20)
  private Kind kind;

  @Column(name = "firearm_id", updatable = false)
  private Long firearmId;

  @Column(name = "scanned_text", updatable = false, length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String scannedText;

  @Column(name = "detail", nullable = false, updatable = false, length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String detail;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private Status status;

  @Column(name = "assignee", length = 64)
  @Size(max = 64)
  private String assignee;

  @Enumerated(EnumType.STRING)
  @Column(name = "resolution", length = 30)
  private Resolution resolution;

  @Column(name = "resolution_note", length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String resolutionNote;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "resolved_by", length = 64)
  @Size(max = 64)
  private String resolvedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Discrepancy() {}

  public Discrepancy(
      Long stockCountId,
      long locationId,
      Kind kind,
      Long firearmId,
      String scannedText,
      String detail,
      String assignee,
      Instant now) {
    this.stockCountId = stockCountId;
    this.locationId = locationId;
    this.kind = kind;
    this.firearmId = firearmId;
    this.scannedText = scannedText;
    this.detail = detail.length() > TEXT_MAX ? detail.substring(0, TEXT_MAX) : detail;
    this.assignee = assignee;
    this.status = Status.OPEN;
    this.createdAt = now;
  }

  public void resolve(Resolution how, String note, Instant now, String actor) {
    if (status == Status.RESOLVED) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Discrepancy " + id + " was resolved already (" + resolution + ").");
    }
    if ((how == Resolution.REPORTED_LOST || how == Resolution.REPORTED_STOLEN)
        && firearmId == null) {
      throw ProblemException.invalid(
          "resolution", "only a known firearm can be reported lost or stolen");
    }
    status = Status.RESOLVED;
    resolution = how;
    resolutionNote = note;
    resolvedAt = now;
    resolvedBy = actor;
  }

  public Long id() {
    return id;
  }

  public Long stockCountId() {
    return stockCountId;
  }

  public long locationId() {
    return locationId;
  }

  public Kind kind() {
    return kind;
  }

  public Long firearmId() {
    return firearmId;
  }

  public String scannedText() {
    return scannedText;
  }

  public String detail() {
    return detail;
  }

  public Status status() {
    return status;
  }

  public String assignee() {
    return assignee;
  }

  public Resolution resolution() {
    return resolution;
  }

  public String resolutionNote() {
    return resolutionNote;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  public String resolvedBy() {
    return resolvedBy;
  }
}
