package org.traza.registry.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.traza.registry.control.FirearmRegistry;
import org.traza.registry.entity.Firearm;

/**
 * What other features may know of a firearm record, without reaching into the registry's control or
 * entities: its identity and marking content.
 */
@ApplicationScoped
public class FirearmDirectory {

  @Inject FirearmRegistry registry;

  /** The identity of a firearm as marks carry it (CIFTA Art. VI, ISACS 05.30). */
  public record FirearmIdentity(
      long id,
      String makeCode,
      String makeName,
      String model,
      String manufactureCountry,
      Integer manufactureYear,
      String serialAsMarked,
      String serialNormalized,
      String importCountry,
      Integer importYear,
      boolean voided) {}

  public Optional<FirearmIdentity> find(long id) {
    return registry.find(id).map(FirearmDirectory::identity);
  }

  private static FirearmIdentity identity(Firearm f) {
    return new FirearmIdentity(
        f.id(),
        f.make().code(),
        f.make().name(),
        f.model(),
        f.manufactureCountry(),
        f.manufactureYear(),
        f.serial().asMarked(),
        f.serial().normalized(),
        f.importCountry(),
        f.importYear(),
        f.isVoided());
  }
}
