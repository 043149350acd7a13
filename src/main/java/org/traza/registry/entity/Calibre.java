package org.traza.registry.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A calibre (cartridge designation), e.g. 9X19 "9×19mm Parabellum". */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "calibre")
public class Calibre extends ReferenceEntry {

  protected Calibre() {}

  public Calibre(String code, String name, Instant createdAt, String createdBy) {
    super(code, name, createdAt, createdBy);
  }
}
