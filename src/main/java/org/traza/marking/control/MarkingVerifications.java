package org.traza.marking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.traza.marking.entity.MarkingVerification;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.boundary.FirearmDirectory.MarkingIdentity;
import org.traza.scanner.payload.Payloads;
import org.traza.scanner.payload.PlainIdentifier;

/**
 * Checks a scanned mark against the record and keeps the check. A scan verifies a mark when it
 * designates this firearm without disagreement (PayloadMatcher: MATCHED) and, where the recorded
 * mark is itself a machine-readable payload, says exactly what was recorded.
 */
@ApplicationScoped
public class MarkingVerifications {

  @PersistenceContext EntityManager em;
  @Inject FirearmDirectory firearms;
  @Inject PayloadMatcher matcher;
  @Inject Event<ActionPerformed> actions;
  @Inject Clock clock;

  /** Why a scan does not verify {@code marking}, or null when it does. */
  public String disagreement(MarkingIdentity marking, String scanned) {
    PayloadMatcher.Match match = matcher.match(scanned);
    if (match.outcome() != PayloadMatcher.Outcome.MATCHED
        || match.firearms().stream().noneMatch(f -> f.id() == marking.firearmId() && !f.voided())) {
      return switch (match.outcome()) {
        case MISMATCHED -> "the marking disagrees with the record: " + match.differences();
        case UNRECOGNISED -> "the scanned text is no marking format Traza reads";
        case AMBIGUOUS -> "the scanned serial is carried by several records";
        default -> "the scanned text designates another firearm or none";
      };
    }
    boolean recordedIsPayload =
        Payloads.detect(marking.text()).filter(p -> !(p instanceof PlainIdentifier)).isPresent();
    if (recordedIsPayload && !marking.text().strip().equals(scanned.strip())) {
      return "the scanned text differs from the recorded mark";
    }
    return null;
  }

  @Transactional
  public MarkingVerification verify(
      long firearmId,
      long markingId,
      String scanned,
      String symbology,
      MarkingVerification.Source source,
      String photoSha256,
      String actor) {
    MarkingIdentity marking = marking(firearmId, markingId);
    String why = disagreement(marking, scanned);
    if (why != null) {
      throw new ProblemException(
          ProblemType.MARKING_MISMATCH,
          "The scan does not verify mark " + markingId + ": " + why + ".");
    }
    MarkingVerification v =
        new MarkingVerification(
            firearmId, markingId, scanned, symbology, source, photoSha256, clock.instant(), actor);
    em.persist(v);
    em.flush();
    actions.fire(
        ActionPerformed.of(
            AuditAction.MARKING_VERIFIED,
            firearmId,
            "mark " + markingId + " (" + marking.kind() + ") verified by " + source));
    return v;
  }

  public List<MarkingVerification> of(long firearmId, long markingId) {
    marking(firearmId, markingId);
    return em.createQuery(
            "SELECT v FROM MarkingVerification v WHERE v.markingId = :m ORDER BY v.id",
            MarkingVerification.class)
        .setParameter("m", markingId)
        .getResultList();
  }

  public MarkingIdentity marking(long firearmId, long markingId) {
    if (firearms.find(firearmId).isEmpty()) {
      throw ProblemException.notFound("firearm", firearmId);
    }
    return firearms
        .marking(firearmId, markingId)
        .orElseThrow(() -> ProblemException.notFound("marking", markingId));
  }
}
