package org.traza.registry.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.traza.registry.entity.Firearm;
import org.traza.registry.entity.FirearmCorrection;
import org.traza.registry.entity.FirearmMarking;
import org.traza.registry.entity.Make;
import org.traza.registry.entity.ReferenceEntry;

/** The JSON shapes of firearm records, their markings and their correction history. */
public final class FirearmViews {

  private FirearmViews() {}

  /** A reference entry as embedded in a firearm: code, name and (for makes) country. */
  public record Ref(String code, String name, String country) {
    static Ref of(ReferenceEntry e) {
      return new Ref(e.code(), e.name(), e instanceof Make m ? m.country() : null);
    }
  }

  /** Import data (CIFTA Art. VI.1b, Protocol Art. 8.1b). */
  public record ImportView(
      String importerName, String importerAddress, String country, Integer year) {}

  /**
   * Where the firearm is in custody: its location or holder, the events so far, what may be done
   * next, and the mark it still lacks (which blocks issue and loan).
   */
  public record Custody(
      Long locationId,
      Long holderId,
      Instant expectedReturnAt,
      long events,
      List<String> allowedActions,
      String missingMarking) {}

  /** Set once a record is voided: it stays readable. */
  public record VoidView(Instant at, String by, String reason) {}

  public record MarkingView(
      long id,
      String kind,
      String text,
      String location,
      String method,
      LocalDate appliedOn,
      String appliedBy,
      String photoRef,
      Instant recordedAt,
      String recordedBy) {
    static MarkingView of(FirearmMarking m) {
      return new MarkingView(
          m.id() == null ? 0 : m.id(),
          m.kind().name(),
          m.text(),
          m.location().name(),
          m.method() == null ? null : m.method().name(),
          m.appliedOn(),
          m.appliedBy(),
          m.photoRef(),
          m.createdAt(),
          m.createdBy());
    }
  }

  public record FirearmView(
      long id,
      String uri,
      Ref type,
      Ref make,
      String model,
      Ref calibre,
      String serialNumber,
      String serialNormalized,
      String manufactureCountry,
      Integer manufactureYear,
      String provenance,
      ImportView imported,
      String owningAgency,
      String originator,
      String confidentiality,
      String useRestrictions,
      String status,
      Custody custody,
      boolean voided,
      VoidView voiding,
      String notes,
      List<MarkingView> markings,
      Instant createdAt,
      String createdBy,
      Instant updatedAt,
      String updatedBy,
      long version) {

    static FirearmView of(Firearm f) {
      boolean hasImport =
          f.importerName() != null
              || f.importCountry() != null
              || f.importYear() != null
              || f.importerAddress() != null;
      return new FirearmView(
          f.id(),
          "/api/firearms/" + f.id(),
          Ref.of(f.type()),
          Ref.of(f.make()),
          f.model(),
          Ref.of(f.calibre()),
          f.serial().asMarked(),
          f.serial().normalized(),
          f.manufactureCountry(),
          f.manufactureYear(),
          f.provenance().name(),
          hasImport
              ? new ImportView(
                  f.importerName(), f.importerAddress(), f.importCountry(), f.importYear())
              : null,
          f.owningAgency(),
          f.originator(),
          f.confidentiality().name(),
          f.useRestrictions(),
          f.status().name(),
          new Custody(
              f.locationId(),
              f.holderId(),
              f.expectedReturnAt(),
              f.custodySeq(),
              f.status().allowedActions().stream().map(Enum::name).toList(),
              f.missingMarking().map(Enum::name).orElse(null)),
          f.isVoided(),
          f.isVoided() ? new VoidView(f.voidedAt(), f.voidedBy(), f.voidReason()) : null,
          f.notes(),
          f.markings().stream().map(MarkingView::of).toList(),
          f.createdAt(),
          f.createdBy(),
          f.updatedAt(),
          f.updatedBy(),
          f.version());
    }
  }

  /** One changed field within a revision. */
  public record Change(String field, String from, String to) {}

  /** All fields changed together in one correction, with its reason. */
  public record Revision(
      long revision, Instant at, String by, String reason, List<Change> changes) {}

  public record History(
      long firearmId, Instant registeredAt, String registeredBy, List<Revision> revisions) {

    static History of(Firearm f) {
      Map<Long, List<FirearmCorrection>> byRevision = new LinkedHashMap<>();
      for (FirearmCorrection c : f.corrections()) {
        byRevision.computeIfAbsent(c.revision(), r -> new ArrayList<>()).add(c);
      }
      List<Revision> revisions = new ArrayList<>();
      byRevision.forEach(
          (revision, changes) -> {
            FirearmCorrection first = changes.get(0);
            revisions.add(
                new Revision(
                    revision,
                    first.correctedAt(),
                    first.correctedBy(),
                    first.reason(),
                    changes.stream()
                        .map(c -> new Change(c.field(), c.oldValue(), c.newValue()))
                        .toList()));
          });
      return new History(f.id(), f.createdAt(), f.createdBy(), revisions);
    }
  }
}
