package org.traza.destruction.entity;

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

/**
 * The certificate of a completed order: the canonical manifest of what was destroyed, its Ed25519
 * signature, and the PDF as issued with its SHA-256. Insert-only.
 */
@Entity
@Table(name = "destruction_certificate")
public class DestructionCertificate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "certificate_number", nullable = false, updatable = false, length = 30)
  @Size(max = 30)
  private String number;

  @Column(name = "order_id", nullable = false, updatable = false)
  private long orderId;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "issued_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String issuedBy;

  @Lob
  @Column(name = "manifest", nullable = false, updatable = false)
  private String manifest;

  @Column(name = "manifest_sha256", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String manifestSha256;

  @Column(name = "signature", nullable = false, updatable = false, length = 200)
  @Size(max = 200)
  private String signature;

  @Column(name = "key_id", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String keyId;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "pdf", nullable = false, updatable = false)
  private byte[] pdf;

  @Column(name = "pdf_sha256", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String pdfSha256;

  protected DestructionCertificate() {}

  public DestructionCertificate(
      String number,
      long orderId,
      Instant issuedAt,
      String issuedBy,
      String manifest,
      String manifestSha256,
      String signature,
      String keyId,
      byte[] pdf,
      String pdfSha256) {
    this.number = number;
    this.orderId = orderId;
    this.issuedAt = issuedAt;
    this.issuedBy = issuedBy;
    this.manifest = manifest;
    this.manifestSha256 = manifestSha256;
    this.signature = signature;
    this.keyId = keyId;
    this.pdf = pdf;
    this.pdfSha256 = pdfSha256;
  }

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public long orderId() {
    return orderId;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public String issuedBy() {
    return issuedBy;
  }

  public String manifest() {
    return manifest;
  }

  public String manifestSha256() {
    return manifestSha256;
  }

  public String signature() {
    return signature;
  }

  public String keyId() {
    return keyId;
  }

  public byte[] pdf() {
    return pdf;
  }

  public String pdfSha256() {
    return pdfSha256;
  }
}
