package org.traza.registry.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.traza.registry.control.FirearmRegistry;
import org.traza.registry.control.FirearmSearch;
import org.traza.registry.entity.Codes;
import org.traza.registry.entity.CustodyAction;
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
  @Inject org.traza.platform.control.Confinement confinement;
  @Inject org.traza.registry.control.ReferenceData reference;

  /** A reference entry (make, calibre, firearm type) as other features see it. */
  public record Reference(String code, String name) {}

  /** Every make, calibre or firearm type ({@code kind}: MAKE, CALIBRE, TYPE). */
  public List<Reference> reference(String kind) {
    Class<? extends org.traza.registry.entity.ReferenceEntry> type =
        switch (kind) {
          case "MAKE" -> org.traza.registry.entity.Make.class;
          case "CALIBRE" -> org.traza.registry.entity.Calibre.class;
          default -> org.traza.registry.entity.FirearmType.class;
        };
    return reference.list(type, null).stream().map(e -> new Reference(e.code(), e.name())).toList();
  }

  /**
   * The shapes of serials registered for make {@code makeCode} (a letter as A, a digit as 9, '.'
   * and '/' kept), from at most {@code limit} records: what a serial of that make looks like.
   */
  public java.util.Set<String> serialShapes(String makeCode, int limit) {
    java.util.Set<String> shapes = new java.util.TreeSet<>();
    for (Firearm f :
        search.find(
            new FirearmSearch.Criteria(null, makeCode, null, null, null, null, false, null, null),
            limit)) {
      shapes.add(shape(f.serial().normalized()));
    }
    return shapes;
  }

  /** A serial's shape: letters as A, digits as 9. */
  public static String shape(String normalized) {
    StringBuilder b = new StringBuilder(normalized.length());
    for (char c : normalized.toCharArray()) {
      b.append(Character.isLetter(c) ? 'A' : Character.isDigit(c) ? '9' : c);
    }
    return b.toString();
  }

  @Inject
  jakarta.enterprise.event.Event<org.traza.registry.entity.DestroyedFirearmSighted> sightings;

  @Inject java.time.Clock clock;

  /**
   * Notes that firearm {@code id} was scanned or looked up ({@code how}); when it is on record as
   * DESTROYED, that is an alert for auditors.
   */
  public void seen(long id, String how, String actor) {
    registry
        .findAnywhere(id)
        .filter(f -> f.status() == FirearmStatus.DESTROYED)
        .ifPresent(
            f ->
                sightings.fire(
                    new org.traza.registry.entity.DestroyedFirearmSighted(
                        id, how, actor, clock.instant())));
  }

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
      boolean voided,
      Long locationId) {}

  /**
   * Who contributed a record and its release conditions (CIFTA Art. XII): UNRESTRICTED, RESTRICTED
   * or CONFIDENTIAL.
   */
  public record ReleaseTerms(String originator, String confidentiality) {}

  public Optional<ReleaseTerms> releaseTerms(long id) {
    return registry.find(id).map(f -> new ReleaseTerms(f.originator(), f.confidentiality().name()));
  }

  /** The firearm's identity, within the current request's armoury (403 outside it). */
  public Optional<FirearmIdentity> find(long id) {
    return registry.find(id).map(FirearmDirectory::identity);
  }

  /**
   * The identity of the firearm a scanned mark names, wherever it is recorded: matching a mark is
   * not showing it; whoever shows the result applies the armoury rule to it.
   */
  public Optional<FirearmIdentity> identify(long id) {
    return registry.findAnywhere(id).map(FirearmDirectory::identity);
  }

  /**
   * Every record, voided ones included, whose normalised serial is {@code normalizedSerial};
   * several makes may use the same serial.
   */
  public List<FirearmIdentity> findBySerial(String normalizedSerial) {
    return search
        .find(
            new FirearmSearch.Criteria(
                normalizedSerial, null, null, null, null, null, true, null, null),
            MAX_SERIAL_MATCHES)
        .stream()
        .map(FirearmDirectory::identity)
        .toList();
  }

  /** A firearm as trace matching compares it with what was read on a recovered weapon. */
  public record Traced(
      long id,
      String makeCode,
      String makeName,
      String model,
      String type,
      String calibre,
      String serialAsMarked,
      String serialNormalized,
      String skeleton,
      String manufactureCountry,
      Integer manufactureYear,
      String status) {}

  private static Traced traced(Firearm f) {
    return new Traced(
        f.id(),
        f.make().code(),
        f.make().name(),
        f.model(),
        f.type().code(),
        f.calibre().code(),
        f.serial().asMarked(),
        f.serial().normalized(),
        f.serial().skeleton(),
        f.manufactureCountry(),
        f.manufactureYear(),
        f.status().name());
  }

  /** Live records whose serial skeleton is {@code skeleton}. */
  public List<Traced> tracedBySkeleton(String skeleton, int limit) {
    return search.bySkeleton(skeleton, limit).stream()
        .filter(this::withinArmoury)
        .map(FirearmDirectory::traced)
        .toList();
  }

  /** Live records whose (reversed) skeleton is LIKE {@code like}. */
  public List<Traced> tracedBySkeletonLike(String like, boolean reversed, int limit) {
    return search.bySkeletonLike(like, reversed, limit).stream()
        .filter(this::withinArmoury)
        .map(FirearmDirectory::traced)
        .toList();
  }

  /** Live records of a make (type, calibre) with a skeleton length in range. */
  public List<Traced> tracedByDescription(
      String makeCode,
      String typeCode,
      String calibreCode,
      int minLength,
      int maxLength,
      int limit) {
    return search
        .sameDescription(makeCode, typeCode, calibreCode, minLength, maxLength, limit)
        .stream()
        .filter(this::withinArmoury)
        .map(FirearmDirectory::traced)
        .toList();
  }

  /**
   * Trace matching is national; a request confined to an armoury (a supervisor, not an
   * investigator) still sees only its own armoury's weapons among the candidates.
   */
  private boolean withinArmoury(Firearm f) {
    return confinement.allows(f.locationId());
  }

  /** A firearm as a certificate or a report lists it. */
  public record Described(
      long id,
      String type,
      String make,
      String model,
      String calibre,
      String serial,
      String status,
      String provenance) {}

  /** The records with these ids, described, in the order asked; unknown ids are left out. */
  public List<Described> describe(List<Long> ids) {
    var byId =
        registry.requireWithin(search.findByIds(new java.util.LinkedHashSet<>(ids))).stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Firearm::id,
                    f ->
                        new Described(
                            f.id(),
                            f.type().code(),
                            f.make().name(),
                            f.model(),
                            f.calibre().code(),
                            f.serial().asMarked(),
                            f.status().name(),
                            f.provenance().name())));
    return ids.stream().distinct().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /** Whether every one of these firearms is recorded within the current request's armoury. */
  public boolean withinArmoury(java.util.Collection<Long> ids) {
    if (confinement.scope().isEmpty() || ids.isEmpty()) {
      return true;
    }
    return search.findByIds(new java.util.LinkedHashSet<>(ids)).stream()
        .allMatch(f -> confinement.allows(f.locationId()));
  }

  /**
   * Refuses (403 outside-armoury) what names a firearm recorded at another armoury: a destruction
   * order, a label sheet. {@code what} names it in the answer.
   */
  public void requireWithinArmoury(java.util.Collection<Long> ids, String what) {
    if (!withinArmoury(ids)) {
      throw org.traza.platform.control.Confinement.outside(what);
    }
  }

  /** The records with these ids, in the order asked; unknown ids are left out. */
  public List<FirearmIdentity> findAll(List<Long> ids) {
    var byId =
        registry.requireWithin(search.findByIds(new java.util.LinkedHashSet<>(ids))).stream()
            .collect(java.util.stream.Collectors.toMap(Firearm::id, FirearmDirectory::identity));
    return ids.stream().distinct().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * Live records by serial ({@code ABC*} for a prefix), make, model, type and status; null means
   * any. At most {@code limit}, in id order.
   */
  public List<FirearmIdentity> search(
      String serial,
      String make,
      String model,
      String type,
      String status,
      java.util.Set<Long> locationScope,
      int limit) {
    FirearmStatus parsed = Codes.parseOptional(FirearmStatus.class, "filter.status", status);
    return search
        .find(
            new FirearmSearch.Criteria(
                serial, make, model, null, type, parsed, false, null, locationScope),
            limit)
        .stream()
        .map(FirearmDirectory::identity)
        .toList();
  }

  /**
   * Applies a custody action to firearm {@code id} under a row lock, in the caller's transaction:
   * the aggregate checks the lifecycle, {@code hasher} computes the event's hash from the
   * transition and the chain's previous hash, and the firearm keeps it as its chain head.
   *
   * @return the transition and its hash
   */
  public ChainedTransition applyCustody(
      long id,
      CustodyAction action,
      Long locationId,
      Long holderId,
      java.time.Instant expectedReturn,
      java.time.Instant now,
      String actor,
      java.util.function.Consumer<Long> beforeLifecycle,
      java.util.function.Function<Firearm.CustodyTransition, String> hasher) {
    Firearm firearm =
        registry
            .findForUpdate(id)
            .orElseThrow(() -> org.traza.platform.entity.ProblemException.notFound("firearm", id));
    // the caller's rule on where the firearm is recorded, before the lifecycle's answer (which
    // would tell its state)
    beforeLifecycle.accept(firearm.locationId());
    Firearm.CustodyTransition t =
        firearm.applyCustody(action, locationId, holderId, expectedReturn, now, actor);
    String hash = hasher.apply(t);
    firearm.chainCustody(t, hash);
    return new ChainedTransition(t, hash);
  }

  public record ChainedTransition(Firearm.CustodyTransition transition, String hash) {}

  /** A firearm as custody lists show it: identity, status, place, holder. */
  public record Holding(
      FirearmIdentity firearm,
      String status,
      Long locationId,
      Long holderId,
      java.time.Instant expectedReturnAt) {}

  private static Holding holding(Firearm f) {
    return new Holding(
        identity(f), f.status().name(), f.locationId(), f.holderId(), f.expectedReturnAt());
  }

  /** Where one firearm is recorded, and in which status (within the request's armoury). */
  public Optional<Holding> holding(long id) {
    return registry.find(id).map(FirearmDirectory::holding);
  }

  /**
   * Where one firearm is recorded, wherever that is: for a stock count that finds a weapon of
   * another armoury on its shelf, and for the public check of a destruction certificate.
   */
  public Optional<Holding> holdingAnywhere(long id) {
    return registry.findAnywhere(id).map(FirearmDirectory::holding);
  }

  /** Live firearms recorded at a location (issued ones keep their armoury's location). */
  public List<Holding> atLocation(long locationId, int limit) {
    return search.atLocation(locationId, limit).stream().map(FirearmDirectory::holding).toList();
  }

  /** Live firearms recorded at any of {@code locationIds} (a place and the places under it). */
  public List<Holding> atLocations(java.util.Collection<Long> locationIds, int limit) {
    return search.atLocations(locationIds, limit).stream().map(FirearmDirectory::holding).toList();
  }

  /** Firearms out with holders; with {@code dueBefore}, the overdue ones. */
  public List<Holding> withHolders(
      java.time.Instant dueBefore, java.util.Set<Long> locationScope, int limit) {
    return search.withHolders(dueBefore, locationScope, limit).stream()
        .map(FirearmDirectory::holding)
        .toList();
  }

  /** Firearms dispatched and not yet received; with {@code dueBefore}, the overdue ones. */
  public List<Holding> inTransit(
      java.time.Instant dueBefore, java.util.Set<Long> locationScope, int limit) {
    return search.inTransit(dueBefore, locationScope, limit).stream()
        .map(FirearmDirectory::holding)
        .toList();
  }

  /** The head of a firearm's custody chain, for verification. */
  public record CustodyHead(long firearmId, long seq, String hash) {}

  /** The firearms with ids in ({@code afterId}, {@code upToId}] that have custody events. */
  public List<CustodyHead> custodyHeads(long afterId, long upToId) {
    return search.custodyHeads(afterId, upToId).stream()
        .map(r -> new CustodyHead((Long) r[0], (Long) r[1], (String) r[2]))
        .toList();
  }

  /** The highest firearm id there is, 0 when there is none: where a walk over all ids ends. */
  public long highestId() {
    return search.highestId();
  }

  /** A recorded mark, as the marking feature needs it to verify a scan against it. */
  public record MarkingIdentity(long id, long firearmId, String kind, String text, String method) {}

  /** A firearm that must be marked before release, and the kind of mark it lacks. */
  public record ToBeMarked(FirearmIdentity firearm, String provenance, String missingMarking) {}

  /** Every mark recorded on firearm {@code firearmId} (import marks included), oldest first. */
  public List<MarkingIdentity> markings(long firearmId) {
    return registry
        .find(firearmId)
        .map(
            f ->
                f.markings().stream()
                    .map(
                        m ->
                            new MarkingIdentity(
                                m.id(),
                                firearmId,
                                m.kind().name(),
                                m.text(),
                                m.method() == null ? null : m.method().name()))
                    .toList())
        .orElse(List.of());
  }

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
  public List<ToBeMarked> toBeMarked(Long afterId, java.util.Set<Long> locationScope, int limit) {
    return search.toBeMarked(afterId, locationScope, limit).stream()
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
        f.isVoided(),
        f.locationId());
  }
}
