package org.traza.destruction.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/** A person who saw the destruction: name, organisation and role; an independent observer too. */
@Embeddable
public class Witness {

  public static final int TEXT_MAX = 200;

  @Column(name = "name", nullable = false, length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String name;

  @Column(name = "organisation", nullable = false, length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String organisation;

  @Column(name = "role", nullable = false, length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String role;

  @Column(name = "independent", nullable = false)
  private boolean independent;

  protected Witness() {}

  public Witness(String name, String organisation, String role, boolean independent) {
    this.name = Objects.requireNonNull(name);
    this.organisation = Objects.requireNonNull(organisation);
    this.role = Objects.requireNonNull(role);
    this.independent = independent;
  }

  public String name() {
    return name;
  }

  public String organisation() {
    return organisation;
  }

  public String role() {
    return role;
  }

  public boolean independent() {
    return independent;
  }
}
