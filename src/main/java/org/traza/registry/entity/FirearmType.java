package org.traza.registry.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A kind of firearm: pistol, revolver, rifle, shotgun, sub-machine gun ... */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "firearm_type")
public class FirearmType extends ReferenceEntry {

  protected FirearmType() {}

  public FirearmType(String code, String name, Instant createdAt, String createdBy) {
    super(code, name, createdAt, createdBy);
  }
}
