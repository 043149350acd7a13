package org.traza.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** One mark on a firearm: what it says, why and where it was applied, how, when and by whom. */
@Entity
@Table(name = "firearm_marking")
public class FirearmMarking {

  public static final int TEXT_MAX = 200;
  public static final int APPLIED_BY_MAX = 200;
  public static final int PHOTO_REF_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "firearm_id", nullable = false, updatable = false)
  private Firearm firearm;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false, length = 30)
  private MarkingKind kind;

  @Column(name = "marking_text", nullable = false, updatable = false, length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String text;

  @Enumerated(EnumType.STRING)
  @Column(name = "location", nullable = false, updatable = false, length = 30)
  private MarkingLocation location;

  @Enumerated(EnumType.STRING)
  @Column(name = "method", updatable = false, length = 30)
  private MarkingMethod method;

  @Column(name = "applied_on", updatable = false)
  private LocalDate appliedOn;

  @Column(name = "applied_by", updatable = false, length = APPLIED_BY_MAX)
  @Size(max = APPLIED_BY_MAX)
  private String appliedBy;

  @Column(name = "photo_ref", updatable = false, length = PHOTO_REF_MAX)
  @Size(max = PHOTO_REF_MAX)
  private String photoRef;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  @Size(max = 255)
  private String createdBy;

  protected FirearmMarking() {}

  FirearmMarking(Firearm firearm, Spec spec, Instant createdAt, String createdBy) {
    this.firearm = firearm;
    this.kind = Objects.requireNonNull(spec.kind());
    this.text = spec.text();
    this.location = Objects.requireNonNull(spec.location());
    this.method = spec.method();
    this.appliedOn = spec.appliedOn();
    this.appliedBy = spec.appliedBy();
    this.photoRef = spec.photoRef();
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  /** What a new mark says; validated by the boundary, checked again here. */
  public record Spec(
      MarkingKind kind,
      String text,
      MarkingLocation location,
      MarkingMethod method,
      LocalDate appliedOn,
      String appliedBy,
      String photoRef) {
    public Spec {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(location, "location");
      if (text == null || text.isBlank() || text.length() > TEXT_MAX) {
        throw new IllegalArgumentException("marking text is required");
      }
    }
  }

  public Long id() {
    return id;
  }

  public MarkingKind kind() {
    return kind;
  }

  public String text() {
    return text;
  }

  public MarkingLocation location() {
    return location;
  }

  public MarkingMethod method() {
    return method;
  }

  public LocalDate appliedOn() {
    return appliedOn;
  }

  public String appliedBy() {
    return appliedBy;
  }

  public String photoRef() {
    return photoRef;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }
}
