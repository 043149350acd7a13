package org.traza.registry.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.traza.registry.control.FirearmRegistry;
import org.traza.registry.control.FirearmSearch;
import org.traza.registry.entity.Firearm;
import org.traza.registry.entity.FirearmStatus;

/**
 * What other features may know of a firearm record, without reaching into the registry's control or
 * entities: its identity and marking content.
 */
@ApplicationScoped
public class FirearmDirectory {

  @Inject FirearmRegistry registry;
  @Inject FirearmSearch search;

  /** At most this many records share a serial in a look-up (different makes, voided records). */
  public static final int MAX_SERIAL_MATCHES = 20;

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

  /**
   * Every record, voided ones included, whose normalised serial is {@code normalizedSerial};
   * several makes may use the same serial.
   */
  public List<FirearmIdentity> findBySerial(String normalizedSerial) {
    return search
        .find(
            new FirearmSearch.Criteria(normalizedSerial, null, null, null, null, null, true, null),
            MAX_SERIAL_MATCHES)
        .stream()
        .map(FirearmDirectory::identity)
        .toList();
  }

  /** The records with these ids, in the order asked; unknown ids are left out. */
  public List<FirearmIdentity> findAll(List<Long> ids) {
    var byId =
        search.findByIds(new java.util.LinkedHashSet<>(ids)).stream()
            .collect(java.util.stream.Collectors.toMap(Firearm::id, FirearmDirectory::identity));
    return ids.stream().distinct().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * Live records by serial ({@code ABC*} for a prefix), make, model, type and status; null means
   * any. At most {@code limit}, in id order.
   *
   * @throws IllegalArgumentException for an unknown status
   */
  public List<FirearmIdentity> search(
      String serial, String make, String model, String type, String status, int limit) {
    FirearmStatus parsed =
        status == null || status.isBlank()
            ? null
            : FirearmStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
    return search
        .find(
            new FirearmSearch.Criteria(serial, make, model, null, type, parsed, false, null), limit)
        .stream()
        .map(FirearmDirectory::identity)
        .toList();
  }

  /** A recorded mark, as the marking feature needs it to verify a scan against it. */
  public record MarkingIdentity(long id, long firearmId, String kind, String text, String method) {}

  /** A firearm that must be marked before release, and the kind of mark it lacks. */
  public record ToBeMarked(FirearmIdentity firearm, String provenance, String missingMarking) {}

  /** The mark {@code markingId} of firearm {@code firearmId}, if it is one of its marks. */
  public Optional<MarkingIdentity> marking(long firearmId, long markingId) {
    return registry
        .find(firearmId)
        .flatMap(
            f ->
                f.markings().stream()
                    .filter(m -> m.id() != null && m.id() == markingId)
                    .findFirst()
                    .map(
                        m ->
                            new MarkingIdentity(
                                m.id(),
                                firearmId,
                                m.kind().name(),
                                m.text(),
                                m.method() == null ? null : m.method().name())));
  }

  /**
   * The kind of mark firearm {@code id} still lacks before it may be released; empty when none is
   * missing. The custody feature refuses to issue a firearm while this is present.
   */
  public Optional<String> missingMarking(long id) {
    return registry.find(id).flatMap(Firearm::missingMarking).map(Enum::name);
  }

  /** Live firearms that must be marked before release, in id order after {@code afterId}. */
  public List<ToBeMarked> toBeMarked(Long afterId, int limit) {
    return search.toBeMarked(afterId, limit).stream()
        .map(
            f ->
                new ToBeMarked(
                    identity(f),
                    f.provenance().name(),
                    f.missingMarking().map(Enum::name).orElse(null)))
        .toList();
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
