package org.traza.registry.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/**
 * The firearm record: what the weapon is, where it came from, every mark on it, who may see it, and
 * every correction ever made. Never deleted; a record entered in error is voided and stays
 * readable.
 */
@Entity
@Table(name = "firearm")
@jakarta.persistence.NamedNativeQuery(
    name = Firearm.FOR_UPDATE,
    query = "SELECT * FROM firearm WHERE id = ? FOR UPDATE",
    resultClass = Firearm.class)
public class Firearm {

  /**
   * Reads one firearm and locks its row, in one statement. Native, because EclipseLink's own
   * locking reads cost more: a locking {@code find} re-reads the make, calibre, type, marks and
   * corrections (five more queries), a locking JPQL query still re-reads marks and corrections, and
   * a lock mode set per call makes it prepare the query again each time.
   */
  public static final String FOR_UPDATE = "Firearm.forUpdate";

  public static final int MODEL_MAX = 100;
  public static final int NAME_MAX = 200;
  public static final int ADDRESS_MAX = 500;
  public static final int NOTES_MAX = 2000;
  public static final int REASON_MAX = FirearmCorrection.REASON_MAX;
  public static final int EARLIEST_YEAR = 1800;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "firearm_type_id", nullable = false)
  private FirearmType type;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "make_id", nullable = false)
  private Make make;

  @Column(name = "model", nullable = false, length = MODEL_MAX)
  @Size(max = MODEL_MAX)
  private String model;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "calibre_id", nullable = false)
  private Calibre calibre;

  @Embedded private SerialNumber serial;

  @Column(name = "manufacture_country", length = 2)
  @Size(max = 2)
  private String manufactureCountry;

  @Column(name = "manufacture_year")
  private Integer manufactureYear;

  @Enumerated(EnumType.STRING)
  @Column(name = "provenance", nullable = false, length = 30)
  private Provenance provenance;

  @Column(name = "importer_name", length = NAME_MAX)
  @Size(max = NAME_MAX)
  private String importerName;

  @Column(name = "importer_address", length = ADDRESS_MAX)
  @Size(max = ADDRESS_MAX)
  private String importerAddress;

  @Column(name = "import_country", length = 2)
  @Size(max = 2)
  private String importCountry;

  @Column(name = "import_year")
  private Integer importYear;

  @Column(name = "owning_agency", length = NAME_MAX)
  @Size(max = NAME_MAX)
  private String owningAgency;

  @Column(name = "originator", nullable = false, length = NAME_MAX)
  @Size(max = NAME_MAX)
  private String originator;

  @Enumerated(EnumType.STRING)
  @Column(name = "confidentiality", nullable = false, length = 20)
  private Confidentiality confidentiality;

  @Column(name = "use_restrictions", length = ADDRESS_MAX)
  @Size(max = ADDRESS_MAX)
  private String useRestrictions;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 30)
  private FirearmStatus status;

  @Column(name = "notes", length = NOTES_MAX)
  @Size(max = NOTES_MAX)
  private String notes;

  @Column(name = "location_id")
  private Long locationId;

  @Column(name = "holder_id")
  private Long holderId;

  @Column(name = "expected_return_at")
  private Instant expectedReturnAt;

  /** How many custody events the firearm's chain holds, and the hash of the last one. */
  @Column(name = "custody_seq", nullable = false)
  private long custodySeq;

  @Column(name = "custody_head", length = 64)
  @Size(max = 64)
  private String custodyHead;

  /** 1 while the record takes part in (make, serial) uniqueness; NULL once voided. */
  @Column(name = "live")
  private Integer live;

  @Column(name = "voided_at")
  private Instant voidedAt;

  @Column(name = "voided_by", length = 64)
  @Size(max = 64)
  private String voidedBy;

  @Column(name = "void_reason", length = REASON_MAX)
  @Size(max = REASON_MAX)
  private String voidReason;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  @Size(max = 64)
  private String updatedBy;

  @Version
  @Column(name = "version")
  private long version;

  // Lazy, as are the make, calibre and type: the custody path locks and moves thousands of
  // firearms an hour and reads none of them, and EclipseLink reads them outside a transaction too.
  @OneToMany(mappedBy = "firearm", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
  @OrderBy("id")
  private List<FirearmMarking> markings = new ArrayList<>();

  @OneToMany(mappedBy = "firearm", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
  @OrderBy("id")
  private List<FirearmCorrection> corrections = new ArrayList<>();

  protected Firearm() {}

  /** Registers a firearm with its description and the marks found on it. */
  public Firearm(
      Description description, List<FirearmMarking.Spec> marks, Instant now, String actor) {
    describe(description.withDefaults(), now);
    this.status = FirearmStatus.REGISTERED;
    this.live = 1;
    this.createdAt = now;
    this.createdBy = actor;
    this.updatedAt = now;
    this.updatedBy = actor;
    marks.forEach(m -> markings.add(new FirearmMarking(this, m, now, actor)));
  }

  private void describe(Description d, Instant now) {
    d.validate(Year.from(now.atZone(ZoneOffset.UTC)).getValue());
    this.type = d.type();
    this.make = d.make();
    this.model = d.model().strip();
    this.calibre = d.calibre();
    this.serial = d.serial();
    this.manufactureCountry = d.manufactureCountry();
    this.manufactureYear = d.manufactureYear();
    this.provenance = d.provenance();
    this.importerName = d.importerName();
    this.importerAddress = d.importerAddress();
    this.importCountry = d.importCountry();
    this.importYear = d.importYear();
    this.owningAgency = d.owningAgency();
    this.originator = d.originator();
    this.confidentiality = d.confidentiality();
    this.useRestrictions = d.useRestrictions();
    this.notes = d.notes();
  }

  /**
   * Replaces the description with {@code corrected}, keeping one correction row per changed field.
   * Returns the changed field names (empty when nothing changed).
   */
  public List<String> correct(Description corrected, String reason, Instant now, String actor) {
    requireLive();
    requireReason(reason);
    Map<String, Object> before = description().values();
    Map<String, Object> after = corrected.values();
    describe(corrected, now);
    List<String> changed = new ArrayList<>();
    long revision = version + 1;
    after.forEach(
        (field, value) -> {
          Object old = before.get(field);
          if (!Objects.equals(old, value)) {
            changed.add(field);
            corrections.add(
                new FirearmCorrection(this, revision, field, old, value, reason, actor, now));
          }
        });
    if (!changed.isEmpty()) {
      updatedAt = now;
      updatedBy = actor;
    }
    return changed;
  }

  /** Marks the record as entered in error. It stays readable and frees its (make, serial). */
  public void voidRecord(String reason, Instant now, String actor) {
    requireLive();
    requireReason(reason);
    this.live = null;
    this.voidedAt = now;
    this.voidedBy = actor;
    this.voidReason = reason;
    this.updatedAt = now;
    this.updatedBy = actor;
    corrections.add(
        new FirearmCorrection(this, version + 1, "voided", false, true, reason, actor, now));
  }

  public FirearmMarking addMarking(FirearmMarking.Spec spec, Instant now, String actor) {
    requireLive();
    FirearmMarking marking = new FirearmMarking(this, spec, now, actor);
    markings.add(marking);
    updatedAt = now;
    updatedBy = actor;
    return marking;
  }

  /** A custody transition as applied: what the custody event records and chains. */
  public record CustodyTransition(
      Long firearmId,
      CustodyAction action,
      FirearmStatus from,
      FirearmStatus to,
      Long fromLocationId,
      Long toLocationId,
      Long holderId,
      long seq,
      String prevHash) {}

  /** The hash a chain starts from. */
  public static final String GENESIS = "0".repeat(64);

  /**
   * Applies {@code action}: checks it against the lifecycle and the marking rule (a firearm that
   * must be marked is not issued, lent or transferred until it is), moves the firearm, and returns
   * the transition for its custody event. {@link #chainCustody} then records the event's hash.
   */
  public CustodyTransition applyCustody(
      CustodyAction action,
      Long toLocation,
      Long holder,
      Instant expectedReturn,
      Instant now,
      String actor) {
    requireLive();
    if (!action.allowedFrom(status)) {
      throw new ProblemException(
              ProblemType.ILLEGAL_STATE_TRANSITION,
              "Firearm "
                  + id
                  + " is "
                  + status
                  + "; "
                  + action
                  + " is not allowed. Allowed: "
                  + status.allowedActions()
                  + ".")
          .with("currentStatus", status.name())
          .with("allowedActions", status.allowedActions().stream().map(Enum::name).toList());
    }
    if ((action == CustodyAction.ISSUE || action == CustodyAction.LEND)
        && missingMarking().isPresent()) {
      throw new ProblemException(
              ProblemType.MARKING_REQUIRED,
              "Firearm "
                  + id
                  + " ("
                  + provenance
                  + ") lacks its "
                  + missingMarking().get()
                  + " mark and cannot be "
                  + (action == CustodyAction.ISSUE ? "issued" : "lent")
                  + " until it is marked.")
          .with("missingMarking", missingMarking().get().name());
    }
    if (action.needs() == CustodyAction.Needs.LOCATION && toLocation == null) {
      throw ProblemException.invalid("locationId", action + " needs the location");
    }
    if (action.needs() == CustodyAction.Needs.HOLDER && holder == null) {
      throw ProblemException.invalid("holderId", action + " needs the holder");
    }
    FirearmStatus from = status;
    Long fromLocation = locationId;
    status = action.target();
    switch (action.needs()) {
      case LOCATION -> {
        locationId = toLocation;
        holderId = null;
        // a dispatch may say when it should arrive: the in-transit list shows it overdue after
        expectedReturnAt = action == CustodyAction.DISPATCH ? expectedReturn : null;
      }
      case HOLDER -> {
        holderId = holder;
        expectedReturnAt = expectedReturn;
      }
      case NOTHING -> {
        // stays where it is recorded until found, moved or destroyed
      }
    }
    updatedAt = now;
    updatedBy = actor;
    return new CustodyTransition(
        id,
        action,
        from,
        status,
        fromLocation,
        locationId,
        holderId,
        custodySeq + 1,
        custodyHead == null ? GENESIS : custodyHead);
  }

  /** Records the hash of the event that {@code transition} became. */
  public void chainCustody(CustodyTransition transition, String hash) {
    if (transition.seq() != custodySeq + 1) {
      throw new IllegalStateException("custody events must be chained in order");
    }
    custodySeq = transition.seq();
    custodyHead = hash;
  }

  public Long locationId() {
    return locationId;
  }

  public Long holderId() {
    return holderId;
  }

  public Instant expectedReturnAt() {
    return expectedReturnAt;
  }

  public long custodySeq() {
    return custodySeq;
  }

  public String custodyHead() {
    return custodyHead;
  }

  private void requireLive() {
    if (isVoided()) {
      throw new ProblemException(
          ProblemType.RECORD_VOIDED,
          "Firearm " + id + " was voided (" + voidReason + "); a void record cannot change.");
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank() || reason.length() > REASON_MAX) {
      throw ProblemException.invalid("reason", "required, at most " + REASON_MAX + " characters");
    }
  }

  /** The current description, to be changed with {@code with...} and passed to {@link #correct}. */
  public Description description() {
    return new Description(
        type,
        make,
        model,
        calibre,
        serial,
        manufactureCountry,
        manufactureYear,
        provenance,
        importerName,
        importerAddress,
        importCountry,
        importYear,
        owningAgency,
        originator,
        confidentiality,
        useRestrictions,
        notes);
  }

  /** The descriptive fields of a firearm record, as registered or corrected. */
  public record Description(
      FirearmType type,
      Make make,
      String model,
      Calibre calibre,
      SerialNumber serial,
      String manufactureCountry,
      Integer manufactureYear,
      Provenance provenance,
      String importerName,
      String importerAddress,
      String importCountry,
      Integer importYear,
      String owningAgency,
      String originator,
      Confidentiality confidentiality,
      String useRestrictions,
      String notes) {

    /** The make's country when no country of manufacture is given; unrestricted by default. */
    Description withDefaults() {
      return new Description(
          type,
          make,
          model,
          calibre,
          serial,
          manufactureCountry == null && make != null ? make.country() : manufactureCountry,
          manufactureYear,
          provenance,
          importerName,
          importerAddress,
          importCountry,
          importYear,
          owningAgency,
          originator,
          confidentiality == null ? Confidentiality.UNRESTRICTED : confidentiality,
          useRestrictions,
          notes);
    }

    void validate(int currentYear) {
      List<ProblemException.Violation> v = new ArrayList<>();
      if (type == null) v.add(new ProblemException.Violation("type", "required"));
      if (make == null) v.add(new ProblemException.Violation("make", "required"));
      if (calibre == null) v.add(new ProblemException.Violation("calibre", "required"));
      if (serial == null) v.add(new ProblemException.Violation("serialNumber", "required"));
      if (provenance == null) v.add(new ProblemException.Violation("provenance", "required"));
      if (model == null || model.isBlank() || model.length() > MODEL_MAX) {
        v.add(
            new ProblemException.Violation(
                "model", "required, at most " + MODEL_MAX + " characters"));
      }
      year(v, "manufactureYear", manufactureYear, currentYear);
      year(v, "importYear", importYear, currentYear);
      if (manufactureYear != null && importYear != null && importYear < manufactureYear) {
        v.add(
            new ProblemException.Violation(
                "importYear", "cannot be before the year of manufacture"));
      }
      if (provenance == Provenance.IMPORTED) {
        if (blank(importerName)) {
          v.add(
              new ProblemException.Violation(
                  "importerName", "required for an imported firearm (CIFTA Art. VI.1b)"));
        }
        if (blank(importCountry)) {
          v.add(
              new ProblemException.Violation("importCountry", "required for an imported firearm"));
        }
      }
      if (originator == null || originator.isBlank()) {
        v.add(new ProblemException.Violation("originator", "required"));
      }
      length(v, "importerName", importerName, NAME_MAX);
      length(v, "importerAddress", importerAddress, ADDRESS_MAX);
      length(v, "owningAgency", owningAgency, NAME_MAX);
      length(v, "originator", originator, NAME_MAX);
      length(v, "useRestrictions", useRestrictions, ADDRESS_MAX);
      length(v, "notes", notes, NOTES_MAX);
      if (!v.isEmpty()) {
        throw new ProblemException(
            ProblemType.VALIDATION_FAILED,
            "The firearm description has invalid fields: "
                + String.join(", ", v.stream().map(ProblemException.Violation::field).toList())
                + ".",
            v);
      }
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }

    private static void year(
        List<ProblemException.Violation> v, String field, Integer year, int currentYear) {
      if (year != null && (year < EARLIEST_YEAR || year > currentYear)) {
        v.add(
            new ProblemException.Violation(
                field, "must be between " + EARLIEST_YEAR + " and " + currentYear));
      }
    }

    private static void length(
        List<ProblemException.Violation> v, String field, String s, int max) {
      if (s != null && s.length() > max) {
        v.add(new ProblemException.Violation(field, "at most " + max + " characters"));
      }
    }

    /** Field name to comparable display value, in the API's names, for corrections. */
    Map<String, Object> values() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", type == null ? null : type.code());
      m.put("make", make == null ? null : make.code());
      m.put("model", model == null ? null : model.strip());
      m.put("calibre", calibre == null ? null : calibre.code());
      m.put("serialNumber", serial == null ? null : serial.asMarked());
      m.put("manufactureCountry", manufactureCountry);
      m.put("manufactureYear", manufactureYear);
      m.put("provenance", provenance);
      m.put("importerName", importerName);
      m.put("importerAddress", importerAddress);
      m.put("importCountry", importCountry);
      m.put("importYear", importYear);
      m.put("owningAgency", owningAgency);
      m.put("originator", originator);
      m.put("confidentiality", confidentiality);
      m.put("useRestrictions", useRestrictions);
      m.put("notes", notes);
      return m;
    }
  }

  public boolean isVoided() {
    return live == null;
  }

  public Long id() {
    return id;
  }

  public FirearmType type() {
    return type;
  }

  public Make make() {
    return make;
  }

  public String model() {
    return model;
  }

  public Calibre calibre() {
    return calibre;
  }

  public SerialNumber serial() {
    return serial;
  }

  public String manufactureCountry() {
    return manufactureCountry;
  }

  public Integer manufactureYear() {
    return manufactureYear;
  }

  public Provenance provenance() {
    return provenance;
  }

  public String importerName() {
    return importerName;
  }

  public String importerAddress() {
    return importerAddress;
  }

  public String importCountry() {
    return importCountry;
  }

  public Integer importYear() {
    return importYear;
  }

  public String owningAgency() {
    return owningAgency;
  }

  public String originator() {
    return originator;
  }

  public Confidentiality confidentiality() {
    return confidentiality;
  }

  public String useRestrictions() {
    return useRestrictions;
  }

  public FirearmStatus status() {
    return status;
  }

  public String notes() {
    return notes;
  }

  public Instant voidedAt() {
    return voidedAt;
  }

  public String voidedBy() {
    return voidedBy;
  }

  public String voidReason() {
    return voidReason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }

  public long version() {
    return version;
  }

  /**
   * The mark this firearm still lacks before it may be released (its provenance requires one and
   * none of that kind is recorded); empty when it is fully marked or void.
   */
  public java.util.Optional<MarkingKind> missingMarking() {
    if (isVoided()) {
      return java.util.Optional.empty();
    }
    return provenance
        .requiredMarking()
        .filter(kind -> markings.stream().noneMatch(m -> m.kind() == kind));
  }

  public List<FirearmMarking> markings() {
    return Collections.unmodifiableList(markings);
  }

  public List<FirearmCorrection> corrections() {
    return Collections.unmodifiableList(corrections);
  }
}
