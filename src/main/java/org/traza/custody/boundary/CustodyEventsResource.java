package org.traza.custody.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.custody.control.CustodyLedger;
import org.traza.custody.entity.CustodyEvent;
import org.traza.marking.boundary.MarkingResolver;
import org.traza.platform.boundary.Problems;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.IdempotencyKey;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.registry.entity.Codes;
import org.traza.registry.entity.CustodyAction;
import org.traza.security.entity.Role;

/**
 * Custody actions: receive, issue, return, move, dispatch, lend, report lost… exactly once each.
 */
@Tag(
    name = "Custody",
    description = "Custody events: the firearm lifecycle, append-only and chained")
@Path("custody-events")
@ApplicationScoped
public class CustodyEventsResource {

  @Inject CustodyLedger ledger;
  @Inject MarkingResolver resolver;
  @Inject RequestContext request;
  @Inject jakarta.enterprise.event.Event<ActionPerformed> actions;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Apply a custody action; 201 with the chained event, or 200 with the first result when"
              + " the idempotency key was seen before")
  public Response record(CustodyViews.EventRequest body) {
    return apply(body);
  }

  /** The maximum number of events a station sends in one batch. */
  public static final int MAX_BATCH = 1000;

  @POST
  @Path("batch")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Events a station recorded offline, applied in order, each on its own: a result per item"
              + " (201 created, 200 replayed, or a problem); one failure does not stop the others")
  public CustodyViews.BatchResult batch(List<CustodyViews.EventRequest> items) {
    if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
      throw ProblemException.invalid("items", "send 1 to " + MAX_BATCH + " events");
    }
    List<CustodyViews.ItemResult> results = new java.util.ArrayList<>(items.size());
    int created = 0;
    int replayed = 0;
    int failed = 0;
    for (int i = 0; i < items.size(); i++) {
      try {
        Response r = apply(items.get(i));
        results.add(
            new CustodyViews.ItemResult(
                i, r.getStatus(), (CustodyViews.EventView) r.getEntity(), null));
        if (r.getStatus() == 201) {
          created++;
        } else {
          replayed++;
        }
      } catch (RuntimeException e) {
        ProblemException problem = Problems.classify(e);
        results.add(
            new CustodyViews.ItemResult(
                i, problem.type().status(), null, Problems.body(problem, request.requestId())));
        failed++;
        refused(items.get(i), i, problem);
      }
    }
    return new CustodyViews.BatchResult(created, replayed, failed, results);
  }

  /**
   * A refused item of a batch is on record like a refused request (the batch itself answers 200),
   * in a transaction of its own, so that an auditor sees what a station tried and why it failed.
   */
  private void refused(CustodyViews.EventRequest item, int index, ProblemException problem) {
    try {
      actions.fire(
          ActionPerformed.refused(
              AuditAction.CUSTODY_EVENT_RECORDED,
              item == null ? null : item.firearmId,
              problem.type().status() == 403
                  ? ActionPerformed.Outcome.DENIED
                  : ActionPerformed.Outcome.REJECTED,
              "batch item "
                  + index
                  + (item == null ? "" : " " + item.action)
                  + " refused: "
                  + problem.type().title()
                  + " ("
                  + problem.getMessage()
                  + ")"));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "could not record a refused batch item: " + e);
    }
  }

  private static final System.Logger LOG = System.getLogger(CustodyEventsResource.class.getName());

  private Response apply(CustodyViews.EventRequest body) {
    if (body == null) {
      throw ProblemException.invalid("body", "required");
    }
    String key = IdempotencyKey.required(body.idempotencyKey);
    CustodyAction action = action(body.action);
    if (action.byOrderOnly()) {
      throw ProblemException.invalid(
          "action",
          action + " is recorded by a destruction order (approve, cancel, complete), not sent");
    }
    checkLength("reason", body.reason, CustodyEvent.REASON_MAX);
    checkLength("documentRef", body.documentRef, CustodyEvent.DOCUMENT_MAX);
    String station = request.stationFor(body.station);
    long firearmId = firearm(body);

    CustodyLedger.Command command =
        new CustodyLedger.Command(
            firearmId,
            action,
            body.locationId,
            body.holderId,
            body.expectedReturn,
            station,
            body.deviceTime,
            body.reason,
            body.documentRef,
            key);
    try {
      CustodyEvent event = ledger.record(command, request.actor());
      return Response.created(URI.create("/api/firearms/" + firearmId + "/custody-events"))
          .entity(CustodyViews.EventView.of(event))
          .build();
    } catch (RuntimeException e) {
      // A key seen before: the action was refused (the firearm has moved on) or its insert hit the
      // unique key (sent twice at once). Looked up only on failure, so that the usual first
      // sending costs no extra query; the unique key guarantees there is never a second event.
      Optional<CustodyEvent> raced;
      try {
        raced = ledger.byKey(key);
      } catch (RuntimeException lookup) {
        e.addSuppressed(lookup);
        throw e;
      }
      if (raced.isPresent()) {
        return replay(raced.get(), firearmId, action);
      }
      throw e;
    }
  }

  private static Response replay(CustodyEvent event, long firearmId, CustodyAction action) {
    if (event.firearmId() != firearmId || !event.action().equals(action.name())) {
      throw new ProblemException(
              ProblemType.IDEMPOTENCY_KEY_REUSED,
              "The key "
                  + event.idempotencyKey()
                  + " was used for "
                  + event.action()
                  + " on firearm "
                  + event.firearmId()
                  + "; use a new key for a new action.")
          .with("eventId", event.id());
    }
    return Response.ok(CustodyViews.EventView.of(event))
        .header("Idempotent-Replayed", "true")
        .build();
  }

  private long firearm(CustodyViews.EventRequest body) {
    boolean byId = body.firearmId != null;
    boolean byText = body.scannedText != null && !body.scannedText.isBlank();
    if (byId == byText) {
      throw ProblemException.invalid("firearmId", "send either firearmId or scannedText");
    }
    if (byId) {
      return body.firearmId;
    }
    if (body.scannedText.length() > 500) {
      throw ProblemException.invalid("scannedText", "at most 500 characters");
    }
    return resolver
        .firearmFor(body.scannedText)
        .orElseThrow(
            () -> ProblemException.invalid("scannedText", resolver.whyNot(body.scannedText)));
  }

  private static CustodyAction action(String name) {
    return Codes.parse(CustodyAction.class, "action", name);
  }

  private static void checkLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw ProblemException.invalid(field, "at most " + max + " characters");
    }
  }
}
