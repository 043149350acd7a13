package org.traza.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.traza.custody.boundary.CustodyDirectory;
import org.traza.custody.boundary.CustodyViews;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.trace.entity.TraceRequest;

/**
 * The response to an answered trace request, in the ITI's terms (para 17): the outcome, and for an
 * identified weapon its record, every marking, its custody history with the chain's verification,
 * where it was last recorded and with whom, and the alerts its status raises; restricted details
 * withheld as {@link Confidentiality} decides, and the response says so.
 */
@ApplicationScoped
public class TraceResponses {

  @Inject FirearmDirectory firearms;
  @Inject CustodyDirectory custody;
  @Inject Confidentiality confidentiality;

  public record Marking(String kind, String text, String method) {}

  public record Weapon(
      long registryId,
      String type,
      String make,
      String model,
      String calibre,
      String serial,
      String manufactureCountry,
      Integer manufactureYear,
      String provenance,
      String status,
      List<Marking> markings) {}

  public record Custody(
      boolean chainIntact,
      String chainProblem,
      List<CustodyViews.EventView> events,
      String lastKnownLocation,
      String lastHolder,
      String lastHolderKind) {}

  public record Response(
      String format,
      String reference,
      String caseReference,
      String requestingAuthority,
      String requestingCountry,
      String outcome,
      String outcomeReason,
      Instant answeredAt,
      String answeredBy,
      Weapon weapon,
      Custody custody,
      List<String> alerts,
      Confidentiality.Decision confidentiality) {}

  public Response of(TraceRequest t) {
    if (t.status() != TraceRequest.Status.ANSWERED && t.status() != TraceRequest.Status.CLOSED) {
      throw new ProblemException(
              ProblemType.CONFLICT,
              "Trace request " + t.reference() + " is " + t.status() + ": it has no response yet.")
          .with("currentStatus", t.status().name());
    }
    Weapon weapon = null;
    Custody history = null;
    List<String> alerts = new ArrayList<>();
    Confidentiality.Decision terms = null;
    if (t.firearmId() != null) {
      long id = t.firearmId();
      terms = confidentiality.decide(t, id);
      FirearmDirectory.Described d = firearms.describe(List.of(id)).get(0);
      FirearmDirectory.FirearmIdentity identity = firearms.find(id).orElseThrow();
      weapon =
          new Weapon(
              id,
              d.type(),
              d.make(),
              d.model(),
              d.calibre(),
              d.serial(),
              identity.manufactureCountry(),
              identity.manufactureYear(),
              terms.releases("weapon.provenance") ? d.provenance() : null,
              d.status(),
              terms.releases("weapon.markings")
                  ? firearms.markings(id).stream()
                      .map(m -> new Marking(m.kind(), m.text(), m.method()))
                      .toList()
                  : List.of());
      CustodyDirectory.Chain chain = custody.chain(id);
      var holding = firearms.holding(id).orElseThrow();
      String location =
          holding.locationId() == null
              ? null
              : custody
                  .place(holding.locationId())
                  .map(p -> p.code() + " (" + p.name() + ")")
                  .orElse(null);
      var holder =
          holding.holderId() == null ? null : custody.holder(holding.holderId()).orElse(null);
      history =
          new Custody(
              chain.intact(),
              chain.problem(),
              terms.releases("custody.events") ? custody.timeline(id) : List.of(),
              terms.releases("custody.lastKnownLocation") ? location : null,
              holder == null || !terms.releases("custody.lastHolder")
                  ? null
                  : holder.name() + (holder.unit() == null ? "" : ", " + holder.unit()),
              holder == null || !terms.releases("custody.lastHolder") ? null : holder.kind());
      if (List.of("LOST", "STOLEN", "DESTROYED").contains(d.status())) {
        alerts.add("the weapon is recorded as " + d.status());
      }
      if (!chain.intact()) {
        alerts.add("the weapon's custody chain does not verify: " + chain.problem());
      }
    }
    TraceRequest.Content c = t.content();
    return new Response(
        "traza-trace-response/1",
        t.reference(),
        c.caseReference(),
        c.requestingAuthority(),
        c.requestingCountry(),
        t.outcome().name(),
        t.outcomeReason(),
        t.answeredAt(),
        t.answeredBy(),
        weapon,
        history,
        alerts,
        terms);
  }
}
