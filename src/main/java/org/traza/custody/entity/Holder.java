package org.traza.custody.entity;

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
import java.util.Objects;

/** Someone a firearm is issued or lent to: an officer (by badge), a unit, a laboratory, a court. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "holder")
public class Holder {

  public static final int CODE_MAX = 40;
  public static final int NAME_MAX = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "code", nullable = false, updatable = false, length = CODE_MAX)
  @Size(max = CODE_MAX)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false, length = 20)
  private HolderKind kind;

  @Column(name = "name", nullable = false, length = NAME_MAX)
  @Size(max = NAME_MAX)
  private String name;

  @Column(name = "unit", length = NAME_MAX)
  @Size(max = NAME_MAX)
  private String unit;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String createdBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Holder() {}

  public Holder(String code, HolderKind kind, String name, String unit, Instant now, String actor) {
    this.code = Objects.requireNonNull(code);
    this.kind = Objects.requireNonNull(kind);
    this.name = Objects.requireNonNull(name);
    this.unit = unit;
    this.createdAt = now;
    this.createdBy = actor;
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public HolderKind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public String unit() {
    return unit;
  }

  /** Corrects the name (an officer's, a unit's). The code (a badge, a unit number) stays. */
  public void rename(String newName) {
    this.name = Objects.requireNonNull(newName);
  }

  /** The unit the holder belongs to now; null: none. */
  public void assignUnit(String newUnit) {
    this.unit = newUnit;
  }
}
