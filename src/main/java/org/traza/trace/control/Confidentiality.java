package org.traza.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.trace.entity.TraceConsent;
import org.traza.trace.entity.TraceRequest;

/**
 * Confidentiality of trace answers (CIFTA Art. XII): every firearm record carries its originator
 * and release conditions (set at registration, changed by a correction); a RESTRICTED record's
 * custody details, and a CONFIDENTIAL record's markings and provenance too, go to a foreign
 * requester only once the originator's consent is recorded on the request.
 */
@ApplicationScoped
public class Confidentiality {

  /** What a response withholds from a foreign requester without consent, RESTRICTED records. */
  public static final List<String> RESTRICTED_DETAILS =
      List.of("custody.events", "custody.lastKnownLocation", "custody.lastHolder");

  /** CONFIDENTIAL records: the custody details and the record's markings and provenance. */
  public static final List<String> CONFIDENTIAL_DETAILS =
      List.of(
          "custody.events",
          "custody.lastKnownLocation",
          "custody.lastHolder",
          "weapon.markings",
          "weapon.provenance");

  @PersistenceContext EntityManager em;
  @Inject FirearmDirectory firearms;
  @Inject Event<ActionPerformed> actions;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "trace.national-country")
  Optional<String> nationalCountry;

  /** A consent as recorded. */
  public record Consent(
      long id,
      String originator,
      String documentReference,
      String note,
      Instant recordedAt,
      String recordedBy) {
    static Consent of(TraceConsent c) {
      return new Consent(
          c.id(), c.originator(), c.documentReference(), c.note(), c.recordedAt(), c.recordedBy());
    }
  }

  /** What a response to one request may release about one firearm, and why. */
  public record Decision(
      String originator,
      String confidentiality,
      boolean foreignRequester,
      Consent consent,
      List<String> withheld,
      String statement) {
    public boolean releases(String detail) {
      return !withheld.contains(detail);
    }
  }

  /** Records an originator's consent to release its details to the requester of {@code t}. */
  @Transactional
  public Consent consent(
      TraceRequest t, String originator, String document, String note, String actor) {
    if (originator == null || originator.isBlank()) {
      throw ProblemException.invalid("originator", "the authority that consents");
    }
    if (document == null || document.isBlank()) {
      throw ProblemException.invalid(
          "documentReference", "the letter, message or agreement that records the consent");
    }
    if (originator.trim().length() > 200
        || document.trim().length() > 100
        || (note != null && note.length() > 500)) {
      throw ProblemException.invalid(
          "consent", "originator ≤ 200, documentReference ≤ 100, note ≤ 500 characters");
    }
    TraceConsent c =
        new TraceConsent(
            t.id(),
            originator.trim(),
            document.trim(),
            note == null || note.isBlank() ? null : note.trim(),
            clock.instant(),
            actor);
    em.persist(c);
    em.flush();
    actions.fire(
        ActionPerformed.of(
            AuditAction.TRACE_CONSENT_RECORDED,
            t.content().caseReference(),
            t.reference() + ": " + c.originator() + " consents (" + c.documentReference() + ")"));
    return Consent.of(c);
  }

  public List<Consent> consents(long requestId) {
    return em.createQuery(
            "SELECT c FROM TraceConsent c WHERE c.requestId = :r ORDER BY c.id", TraceConsent.class)
        .setParameter("r", requestId)
        .getResultStream()
        .map(Consent::of)
        .toList();
  }

  /**
   * Whether the requester of {@code t} is foreign: its country is not this registry's, or this
   * registry's country is not configured (then every requester is treated as foreign, the safe
   * side).
   */
  public boolean foreign(TraceRequest t) {
    return nationalCountry
        .map(n -> !n.equalsIgnoreCase(t.content().requestingCountry()))
        .orElse(true);
  }

  /** What the response to {@code t} may release about {@code firearmId}. */
  public Decision decide(TraceRequest t, long firearmId) {
    FirearmDirectory.ReleaseTerms terms =
        firearms
            .releaseTerms(firearmId)
            .orElseThrow(() -> ProblemException.notFound("firearm", firearmId));
    boolean foreign = foreign(t);
    Consent consent =
        consents(t.id()).stream()
            .filter(c -> c.originator().equalsIgnoreCase(terms.originator()))
            .findFirst()
            .orElse(null);
    List<String> limited =
        switch (terms.confidentiality()) {
          case "RESTRICTED" -> RESTRICTED_DETAILS;
          case "CONFIDENTIAL" -> CONFIDENTIAL_DETAILS;
          default -> List.of();
        };
    List<String> withheld = foreign && consent == null ? limited : List.of();
    List<String> says = new ArrayList<>();
    says.add(
        "This response is provided under Article XII of CIFTA and the International Tracing"
            + " Instrument: it is confidential, for use only in "
            + t.content().caseReference()
            + (t.content().intendedUse() == null
                ? ""
                : " and for the use stated in the request (" + t.content().intendedUse() + ")")
            + ", and may not be passed to a third party without the consent of the originator of"
            + " the record, "
            + terms.originator()
            + ".");
    if (!limited.isEmpty()) {
      says.add("The originator releases the record as " + terms.confidentiality() + ".");
      if (!withheld.isEmpty()) {
        says.add(
            "Withheld from this foreign requester because no consent of the originator is"
                + " recorded: "
                + String.join(", ", withheld)
                + ".");
      } else if (consent != null && foreign) {
        says.add(
            "Released with the originator's consent recorded in "
                + consent.documentReference()
                + ".");
      }
    }
    return new Decision(
        terms.originator(),
        terms.confidentiality(),
        foreign,
        consent,
        withheld,
        String.join(" ", says));
  }
}
