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

/** A place where firearms are kept: an armoury, a vault in it, a rack in the vault. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "location")
public class Location {

  public static final int CODE_MAX = 40;
  public static final int NAME_MAX = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "code", nullable = false, updatable = false, length = CODE_MAX)
  @Size(max = CODE_MAX)
  private String code;

  @Column(name = "name", nullable = false, length = NAME_MAX)
  @Size(max = NAME_MAX)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false, length = 20)
  private LocationKind kind;

  @Column(name = "parent_id", updatable = false)
  private Long parentId;

  @Column(name = "count_frequency_days")
  private Integer countFrequencyDays;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String createdBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Location() {}

  public Location(
      String code,
      String name,
      LocationKind kind,
      Long parentId,
      Integer countFrequencyDays,
      Instant now,
      String actor) {
    this.code = Objects.requireNonNull(code);
    this.name = Objects.requireNonNull(name);
    this.kind = Objects.requireNonNull(kind);
    this.parentId = parentId;
    this.countFrequencyDays = countFrequencyDays;
    this.createdAt = now;
    this.createdBy = actor;
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public LocationKind kind() {
    return kind;
  }

  public Long parentId() {
    return parentId;
  }

  public Integer countFrequencyDays() {
    return countFrequencyDays;
  }

  /** Names the place anew. Its code stays: it is printed on the labels of its racks and bins. */
  public void rename(String newName) {
    this.name = Objects.requireNonNull(newName);
  }

  /** How often the place must be counted, in days; null: no schedule. */
  public void countEvery(Integer days) {
    this.countFrequencyDays = days;
  }
}
