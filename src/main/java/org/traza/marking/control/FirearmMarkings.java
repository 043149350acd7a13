package org.traza.marking.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.traza.registry.boundary.FirearmDirectory.FirearmIdentity;
import org.traza.scanner.payload.TrazaMarking;

/** The Traza marking (TZ1) that a firearm record calls for. */
@ApplicationScoped
public class FirearmMarkings {

  /**
   * The TZ1 payload of {@code firearm}. Make codes may hold '-' or '_', which the marking's C40
   * alphabet lacks: they are left out there (the registry id is the key; the make is for people).
   */
  public TrazaMarking of(FirearmIdentity firearm) {
    String make = firearm.makeCode().toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
    return new TrazaMarking(
        firearm.id(),
        make,
        firearm.manufactureCountry() == null ? "XX" : firearm.manufactureCountry(),
        firearm.manufactureYear(),
        firearm.serialNormalized(),
        firearm.importCountry() != null && firearm.importYear() != null
            ? firearm.importCountry()
            : null,
        firearm.importCountry() != null && firearm.importYear() != null
            ? firearm.importYear()
            : null,
        null);
  }
}
