package org.traza.trace.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An originator's consent, given in a document, to release its restricted details to the requester
 * of one trace request.
 */
@Entity
@Table(name = "trace_consent")
public class TraceConsent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "request_id", nullable = false, updatable = false)
  private long requestId;

  @Column(name = "originator", nullable = false, updatable = false, length = 200)
  @Size(max = 200)
  private String originator;

  @Column(name = "document_reference", nullable = false, updatable = false, length = 100)
  @Size(max = 100)
  private String documentReference;

  @Column(name = "note", updatable = false, length = 500)
  @Size(max = 500)
  private String note;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String recordedBy;

  protected TraceConsent() {}

  public TraceConsent(
      long requestId,
      String originator,
      String documentReference,
      String note,
      Instant at,
      String by) {
    this.requestId = requestId;
    this.originator = originator;
    this.documentReference = documentReference;
    this.note = note;
    this.recordedAt = at;
    this.recordedBy = by;
  }

  public Long id() {
    return id;
  }

  public long requestId() {
    return requestId;
  }

  public String originator() {
    return originator;
  }

  public String documentReference() {
    return documentReference;
  }

  public String note() {
    return note;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }
}
