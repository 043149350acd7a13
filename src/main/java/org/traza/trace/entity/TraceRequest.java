package org.traza.trace.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/**
 * A trace request from an investigating authority, at home or abroad (ITI paras 14-23, ISACS
 * 05.31): RECEIVED → ACKNOWLEDGED → IN_PROGRESS → ANSWERED (identified, partially identified, not
 * traceable with a reason) → CLOSED, with a deadline set by its urgency when received.
 */
@Entity
@Table(name = "trace_request")
public class TraceRequest {

  /** The lifecycle of a request. */
  public enum Status {
    RECEIVED,
    ACKNOWLEDGED,
    IN_PROGRESS,
    ANSWERED,
    CLOSED
  }

  /** Routine requests are answered within days, urgent ones (with a justification) within hours. */
  public enum Urgency {
    ROUTINE,
    URGENT
  }

  /** How a request was answered (ITI para 17). */
  public enum Outcome {
    IDENTIFIED,
    PARTIALLY_IDENTIFIED,
    NOT_TRACEABLE
  }

  /** What the requester says: who, why, where the weapon was recovered, and the weapon. */
  public record Content(
      Urgency urgency,
      String urgencyJustification,
      String requestingAuthority,
      String requestingCountry,
      String contact,
      String caseReference,
      String legalBasis,
      String illicitReason,
      String intendedUse,
      LocalDate recoveredOn,
      String recoveryPlace,
      String circumstances,
      String possessor,
      String weaponType,
      String weaponMake,
      String weaponModel,
      String weaponCalibre,
      String serialAsRead,
      boolean obliterated,
      String importer,
      String originCountry,
      String otherMarkings) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "reference", nullable = false, length = 30)
  @Size(max = 30)
  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private Status status;

  @Enumerated(EnumType.STRING)
  @Column(name = "urgency", nullable = false, updatable = false, length = 10)
  private Urgency urgency;

  @Column(name = "urgency_justification", updatable = false, length = 500)
  @Size(max = 500)
  private String urgencyJustification;

  @Column(name = "requesting_authority", nullable = false, updatable = false, length = 200)
  @Size(max = 200)
  private String requestingAuthority;

  @Column(name = "requesting_country", nullable = false, updatable = false, length = 2)
  @Size(max = 2)
  private String requestingCountry;

  @Column(name = "contact", nullable = false, updatable = false, length = 200)
  @Size(max = 200)
  private String contact;

  @Column(name = "case_reference", nullable = false, updatable = false, length = 100)
  @Size(max = 100)
  private String caseReference;

  @Column(name = "legal_basis", nullable = false, updatable = false, length = 500)
  @Size(max = 500)
  private String legalBasis;

  @Column(name = "illicit_reason", nullable = false, updatable = false, length = 500)
  @Size(max = 500)
  private String illicitReason;

  @Column(name = "intended_use", updatable = false, length = 500)
  @Size(max = 500)
  private String intendedUse;

  @Column(name = "recovered_on", updatable = false)
  private LocalDate recoveredOn;

  @Column(name = "recovery_place", updatable = false, length = 200)
  @Size(max = 200)
  private String recoveryPlace;

  @Column(name = "circumstances", updatable = false, length = 1000)
  @Size(max = 1000)
  private String circumstances;

  @Column(name = "possessor", updatable = false, length = 200)
  @Size(max = 200)
  private String possessor;

  @Column(name = "weapon_type", updatable = false, length = 40)
  @Size(max = 40)
  private String weaponType;

  @Column(name = "weapon_make", updatable = false, length = 40)
  @Size(max = 40)
  private String weaponMake;

  @Column(name = "weapon_model", updatable = false, length = 100)
  @Size(max = 100)
  private String weaponModel;

  @Column(name = "weapon_calibre", updatable = false, length = 40)
  @Size(max = 40)
  private String weaponCalibre;

  @Column(name = "serial_as_read", updatable = false, length = 80)
  @Size(max = 80)
  private String serialAsRead;

  @Column(name = "obliterated", nullable = false, updatable = false)
  private boolean obliterated;

  @Column(name = "importer", updatable = false, length = 200)
  @Size(max = 200)
  private String importer;

  @Column(name = "origin_country", updatable = false, length = 2)
  @Size(max = 2)
  private String originCountry;

  @Column(name = "other_markings", updatable = false, length = 1000)
  @Size(max = 1000)
  private String otherMarkings;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "received_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String receivedBy;

  @Column(name = "due_at", nullable = false, updatable = false)
  private Instant dueAt;

  @Column(name = "assigned_to", length = 64)
  @Size(max = 64)
  private String assignedTo;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "answered_by", length = 64)
  @Size(max = 64)
  private String answeredBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", length = 30)
  private Outcome outcome;

  @Column(name = "outcome_reason", length = 1000)
  @Size(max = 1000)
  private String outcomeReason;

  @Column(name = "firearm_id")
  private Long firearmId;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "sender_country", updatable = false, length = 2)
  @Size(max = 2)
  private String senderCountry;

  @Column(name = "sender_reference", updatable = false, length = 60)
  @Size(max = 60)
  private String senderReference;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "received_response")
  private String receivedResponse;

  @Column(name = "received_response_at")
  private Instant receivedResponseAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected TraceRequest() {}

  /** A request received at {@code now}, due {@code within} later. */
  public TraceRequest(String reference, Content c, Duration within, Instant now, String actor) {
    this.reference = Objects.requireNonNull(reference);
    this.status = Status.RECEIVED;
    this.urgency = Objects.requireNonNull(c.urgency());
    this.urgencyJustification = c.urgencyJustification();
    this.requestingAuthority = c.requestingAuthority();
    this.requestingCountry = c.requestingCountry();
    this.contact = c.contact();
    this.caseReference = c.caseReference();
    this.legalBasis = c.legalBasis();
    this.illicitReason = c.illicitReason();
    this.intendedUse = c.intendedUse();
    // a recovery has happened: not before 1800 (the oldest weapons traced), not in the future
    this.recoveredOn =
        org.traza.platform.entity.Bounds.past(
            "recoveredOn", c.recoveredOn(), java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    this.recoveryPlace = c.recoveryPlace();
    this.circumstances = c.circumstances();
    this.possessor = c.possessor();
    this.weaponType = c.weaponType();
    this.weaponMake = c.weaponMake();
    this.weaponModel = c.weaponModel();
    this.weaponCalibre = c.weaponCalibre();
    this.serialAsRead = c.serialAsRead();
    this.obliterated = c.obliterated();
    this.importer = c.importer();
    this.originCountry = c.originCountry();
    this.otherMarkings = c.otherMarkings();
    this.receivedAt = now;
    this.receivedBy = actor;
    this.dueAt = now.plus(within);
  }

  /**
   * A request imported from another state's system: {@code country} sent it under its own {@code
   * reference}.
   */
  public static TraceRequest imported(
      String reference,
      Content c,
      Duration within,
      Instant now,
      String actor,
      String country,
      String theirReference) {
    TraceRequest t = new TraceRequest(reference, c, within, now, actor);
    t.senderCountry = Objects.requireNonNull(country);
    t.senderReference = Objects.requireNonNull(theirReference);
    return t;
  }

  /**
   * Keeps the response another state sent to this request, as it was written (a request sent abroad
   * is answered there); a later response replaces an earlier one.
   */
  public void responseReceived(String document, Instant now) {
    receivedResponse = Objects.requireNonNull(document);
    receivedResponseAt = now;
  }

  /** Gives the request its reference once its id is known (TR-year-id). */
  public void numbered(String assigned) {
    if (!reference.startsWith("pending-")) {
      throw new IllegalStateException("request " + reference + " is numbered already");
    }
    reference = assigned;
  }

  public void acknowledge(Instant now) {
    require(Status.RECEIVED, "acknowledged");
    status = Status.ACKNOWLEDGED;
    acknowledgedAt = now;
  }

  /** Work starts on it, by {@code investigator}. */
  public void start(String investigator, Instant now) {
    require(Status.ACKNOWLEDGED, "started");
    status = Status.IN_PROGRESS;
    assignedTo = Objects.requireNonNull(investigator);
    startedAt = now;
  }

  /**
   * Who may work on the request: once it is assigned, its investigator, or a supervisor (who
   * assigns, and may step in); before, any investigator. Refuses anyone else with 403.
   */
  public void requireWorker(String actor, boolean supervisor, String doing) {
    if (supervisor || assignedTo == null || assignedTo.equals(actor)) {
      return;
    }
    throw new ProblemException(
            ProblemType.FORBIDDEN,
            reference
                + " is assigned to "
                + assignedTo
                + "; only they or a supervisor may "
                + doing
                + " it.")
        .with("assignedTo", assignedTo);
  }

  /** Hands the request to another investigator while it is open. */
  public void assign(String investigator) {
    if (status == Status.ANSWERED || status == Status.CLOSED) {
      throw illegal("reassigned");
    }
    assignedTo = Objects.requireNonNull(investigator);
  }

  /**
   * Answers it: IDENTIFIED and PARTIALLY_IDENTIFIED name the firearm; NOT_TRACEABLE gives the
   * reason.
   */
  public void answer(Outcome how, Long firearm, String reason, Instant now, String actor) {
    require(Status.IN_PROGRESS, "answered");
    if (how == null) {
      throw ProblemException.invalid(
          "outcome", "IDENTIFIED, PARTIALLY_IDENTIFIED or NOT_TRACEABLE");
    }
    if (how != Outcome.NOT_TRACEABLE && firearm == null) {
      throw ProblemException.invalid("firearmId", how + " names the firearm");
    }
    if (how == Outcome.NOT_TRACEABLE && (reason == null || reason.isBlank())) {
      throw ProblemException.invalid("reason", "say why the weapon cannot be traced");
    }
    status = Status.ANSWERED;
    outcome = how;
    firearmId = how == Outcome.NOT_TRACEABLE ? null : firearm;
    outcomeReason = reason;
    answeredAt = now;
    answeredBy = actor;
  }

  public void close(Instant now) {
    require(Status.ANSWERED, "closed");
    status = Status.CLOSED;
    closedAt = now;
  }

  /** Past its deadline and not answered yet. */
  public boolean isOverdue(Instant now) {
    return (status != Status.ANSWERED && status != Status.CLOSED) && now.isAfter(dueAt);
  }

  private void require(Status expected, String what) {
    if (status != expected) {
      throw illegal(what);
    }
  }

  private ProblemException illegal(String what) {
    return new ProblemException(
            ProblemType.CONFLICT,
            "Trace request " + reference + " is " + status + " and cannot be " + what + ".")
        .with("currentStatus", status.name());
  }

  public Long id() {
    return id;
  }

  public String reference() {
    return reference;
  }

  public Status status() {
    return status;
  }

  public Urgency urgency() {
    return urgency;
  }

  public Content content() {
    return new Content(
        urgency,
        urgencyJustification,
        requestingAuthority,
        requestingCountry,
        contact,
        caseReference,
        legalBasis,
        illicitReason,
        intendedUse,
        recoveredOn,
        recoveryPlace,
        circumstances,
        possessor,
        weaponType,
        weaponMake,
        weaponModel,
        weaponCalibre,
        serialAsRead,
        obliterated,
        importer,
        originCountry,
        otherMarkings);
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public String receivedBy() {
    return receivedBy;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public String assignedTo() {
    return assignedTo;
  }

  public Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  public String answeredBy() {
    return answeredBy;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String outcomeReason() {
    return outcomeReason;
  }

  public Long firearmId() {
    return firearmId;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public String senderCountry() {
    return senderCountry;
  }

  public String senderReference() {
    return senderReference;
  }

  public String receivedResponse() {
    return receivedResponse;
  }

  public Instant receivedResponseAt() {
    return receivedResponseAt;
  }
}
