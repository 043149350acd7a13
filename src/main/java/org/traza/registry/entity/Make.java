package org.traza.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A manufacturer, with the ISO 3166 country where it makes firearms. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "make")
public class Make extends ReferenceEntry {

  @Column(name = "country", nullable = false, length = 2)
  @Size(max = 2)
  private String country;

  protected Make() {}

  public Make(String code, String name, String country, Instant createdAt, String createdBy) {
    super(code, name, createdAt, createdBy);
    moveTo(country);
  }

  public final void moveTo(String countryCode) {
    this.country = CountryCodes.require("country", countryCode);
  }

  public String country() {
    return country;
  }
}
