package org.traza.marking.entity;

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
import java.util.Objects;

/**
 * A physical mark checked by scanning it: the scanned payload designated the firearm and agreed
 * with the recorded mark. Insert-only; refers to the registry's firearm and mark by id, as one
 * feature's entities never hold another's.
 */
@Entity
@Table(name = "marking_verification")
public class MarkingVerification {

  public static final int TEXT_MAX = 500;

  /** Where the scanned text came from. */
  public enum Source {
    /** a handheld or keyboard-wedge scanner sent the text */
    SCANNER,
    /** Traza decoded an uploaded photo */
    PHOTO
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "firearm_id", nullable = false, updatable = false)
  private long firearmId;

  @Column(name = "marking_id", nullable = false, updatable = false)
  private long markingId;

  @Column(name = "scanned_text", nullable = false, updatable = false, length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String scannedText;

  @Column(name = "symbology", updatable = false, length = 20)
  @Size(max = 20)
  private String symbology;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", nullable = false, updatable = false, length = 10)
  private Source source;

  @Column(name = "photo_sha256", updatable = false, length = 64)
  @Size(max = 64)
  private String photoSha256;

  @Column(name = "verified_at", nullable = false, updatable = false)
  private Instant verifiedAt;

  @Column(name = "verified_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String verifiedBy;

  protected MarkingVerification() {}

  public MarkingVerification(
      long firearmId,
      long markingId,
      String scannedText,
      String symbology,
      Source source,
      String photoSha256,
      Instant verifiedAt,
      String verifiedBy) {
    if (scannedText == null || scannedText.isEmpty() || scannedText.length() > TEXT_MAX) {
      throw new IllegalArgumentException("scanned text must have 1 to " + TEXT_MAX + " characters");
    }
    if (source == Source.PHOTO && (photoSha256 == null || photoSha256.length() != 64)) {
      throw new IllegalArgumentException("a photo verification keeps the photo's SHA-256");
    }
    this.firearmId = firearmId;
    this.markingId = markingId;
    this.scannedText = scannedText;
    this.symbology = symbology;
    this.source = Objects.requireNonNull(source);
    this.photoSha256 = photoSha256;
    this.verifiedAt = Objects.requireNonNull(verifiedAt);
    this.verifiedBy = Objects.requireNonNull(verifiedBy);
  }

  public Long id() {
    return id;
  }

  public long firearmId() {
    return firearmId;
  }

  public long markingId() {
    return markingId;
  }

  public String scannedText() {
    return scannedText;
  }

  public String symbology() {
    return symbology;
  }

  public Source source() {
    return source;
  }

  public String photoSha256() {
    return photoSha256;
  }

  public Instant verifiedAt() {
    return verifiedAt;
  }

  public String verifiedBy() {
    return verifiedBy;
  }
}
