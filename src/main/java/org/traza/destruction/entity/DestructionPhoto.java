package org.traza.destruction.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A photo of the firearms before or after destruction, kept with its SHA-256: insert-only. */
@Entity
@Table(name = "destruction_photo")
public class DestructionPhoto {

  /** When the photo was taken. */
  public enum Stage {
    BEFORE,
    AFTER
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false, updatable = false)
  private long orderId;

  @Enumerated(EnumType.STRING)
  @Column(name = "stage", nullable = false, updatable = false, length = 10)
  private Stage stage;

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

  @Column(name = "taken_at", nullable = false, updatable = false)
  private Instant takenAt;

  @Column(name = "uploaded_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String uploadedBy;

  protected DestructionPhoto() {}

  public DestructionPhoto(
      long orderId,
      Stage stage,
      String mediaType,
      String sha256,
      byte[] content,
      Instant at,
      String by) {
    this.orderId = orderId;
    this.stage = stage;
    this.mediaType = mediaType;
    this.sha256 = sha256;
    this.sizeBytes = content.length;
    this.content = content;
    this.takenAt = at;
    this.uploadedBy = by;
  }

  public Long id() {
    return id;
  }

  public long orderId() {
    return orderId;
  }

  public Stage stage() {
    return stage;
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

  public Instant takenAt() {
    return takenAt;
  }

  public String uploadedBy() {
    return uploadedBy;
  }
}
