package org.traza.trace.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.traza.platform.entity.Sha256;

/** A photo of the recovered weapon sent with a trace request, kept with its SHA-256. */
@Entity
@Table(name = "trace_request_photo")
public class TracePhoto {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "request_id", nullable = false, updatable = false)
  private long requestId;

  @Column(name = "media_type", nullable = false, updatable = false, length = 50)
  @Size(max = 50)
  private String mediaType;

  @Column(name = "sha256", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String sha256;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content", nullable = false, updatable = false)
  private byte[] content;

  @Column(name = "added_at", nullable = false, updatable = false)
  private Instant addedAt;

  @Column(name = "added_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String addedBy;

  protected TracePhoto() {}

  public TracePhoto(long requestId, String mediaType, byte[] content, Instant at, String by) {
    this.requestId = requestId;
    this.mediaType = mediaType;
    this.sha256 = Sha256.hex(content);
    this.sizeBytes = content.length;
    this.content = content;
    this.addedAt = at;
    this.addedBy = by;
  }

  public Long id() {
    return id;
  }

  public long requestId() {
    return requestId;
  }

  public String mediaType() {
    return mediaType;
  }

  public String sha256() {
    return sha256;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public byte[] content() {
    return content;
  }

  public Instant addedAt() {
    return addedAt;
  }

  public String addedBy() {
    return addedBy;
  }
}
