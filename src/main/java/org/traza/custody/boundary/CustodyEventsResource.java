package org.traza.custody.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.custody.control.CustodyLedger;
import org.traza.custody.entity.CustodyEvent;
import org.traza.marking.boundary.MarkingResolver;
import org.traza.platform.boundary.Idempotency;
import org.traza.platform.boundary.Problems;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.IdempotencyKey;
import org.traza.platform.entity.IdempotentRequest;
import org.traza.platform.entity.OutcomeAlreadyKept;
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
  @Inject Idempotency idempotency;
  @Inject org.traza.registry.boundary.FirearmDirectory firearms;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Apply a custody action; 201 with the chained event. A retry with the idempotency key"
              + " answers the first outcome again, accepted (200) or refused (its problem), with"
              + " Idempotent-Replayed: true; the key with another request is 409"
              + " idempotency-key-reused; 503 outcome-unknown asks for a retry with the same key")
  public Response record(CustodyViews.EventRequest body) {
    Idempotency.Answer a = apply(body);
    Response r = a.response();
    if (a.status() == 201 && a.entity() instanceof CustodyViews.EventView e) {
      return Response.fromResponse(r)
          .location(URI.create("/api/firearms/" + e.firearmId() + "/custody-events"))
          .build();
    }
    return r;
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
              + " (201 created, 200 replayed, or a problem; replayed true when it is the outcome of"
              + " an earlier sending of the key); one failure does not stop the others")
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
        Idempotency.Answer a = apply(items.get(i));
        if (a.refused()) {
          Map<String, Object> problem = problemMembers((String) a.entity());
          results.add(new CustodyViews.ItemResult(i, a.status(), null, problem, a.replayed()));
          failed++;
          refused(
              items.get(i),
              i,
              a.status(),
              problem.get("title")
                  + " ("
                  + problem.get("detail")
                  + ")"
                  + (a.replayed() ? ", sent again" : ""));
          continue;
        }
        results.add(
            new CustodyViews.ItemResult(
                i, a.status(), (CustodyViews.EventView) a.entity(), null, a.replayed()));
        if (a.status() == 201) {
          created++;
        } else {
          replayed++;
        }
      } catch (RuntimeException e) {
        ProblemException problem = Problems.classify(e);
        results.add(
            new CustodyViews.ItemResult(
                i,
                problem.type().status(),
                null,
                Problems.body(problem, request.requestId()),
                false));
        failed++;
        refused(
            items.get(i),
            i,
            problem.type().status(),
            problem.type().title() + " (" + problem.getMessage() + ")");
      }
    }
    return new CustodyViews.BatchResult(created, replayed, failed, results);
  }

  /**
   * A refused item of a batch is on record like a refused request (the batch itself answers 200),
   * in a transaction of its own, so that an auditor sees what a station tried and why it failed.
   */
  private void refused(CustodyViews.EventRequest item, int index, int status, String why) {
    try {
      actions.fire(
          ActionPerformed.refused(
              AuditAction.CUSTODY_EVENT_RECORDED,
              item == null ? null : item.firearmId,
              status == 403
                  ? ActionPerformed.Outcome.DENIED
                  : status >= 500
                      ? ActionPerformed.Outcome.FAILED
                      : ActionPerformed.Outcome.REJECTED,
              "batch item "
                  + index
                  + (item == null ? "" : " " + item.action)
                  + " refused, "
                  + status
                  + ": "
                  + why));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "could not record a refused batch item: " + e);
    }
  }

  private static final System.Logger LOG = System.getLogger(CustodyEventsResource.class.getName());

  @SuppressWarnings("unchecked")
  private static Map<String, Object> problemMembers(String json) {
    return JSONB.fromJson(json, LinkedHashMap.class);
  }

  private static final Jsonb JSONB = JsonbBuilder.create();

  /**
   * One event under its key: the outcome of an earlier sending of the key if there was one, else
   * the action applied now, its refusal kept as the key's outcome.
   */
  private Idempotency.Answer apply(CustodyViews.EventRequest body) {
    if (body == null) {
      throw ProblemException.invalid("body", "required");
    }
    IdempotentRequest keyed =
        new IdempotentRequest(
            CustodyEvent.IDEMPOTENCY_SCOPE,
            IdempotencyKey.required(body.idempotencyKey),
            digest(body));
    Long[] firearmId = new Long[1];
    try {
      return act(body, keyed, firearmId);
    } catch (OutcomeAlreadyKept kept) {
      return idempotency.replay(kept.outcome(), keyed);
    } catch (RuntimeException e) {
      // A key seen before: the action was refused (the firearm has moved on) or its insert hit the
      // unique key (sent twice at once), or the commit failed after all. Looked up only on
      // failure, so that the usual first sending costs no extra query; the unique key guarantees
      // there is never a second event.
      Optional<CustodyEvent> raced;
      try {
        raced = ledger.byKey(keyed.key());
      } catch (RuntimeException lookup) {
        // the database is failing: refused() answers e's problem, or that nothing could be kept
        e.addSuppressed(lookup);
        raced = Optional.empty();
      }
      if (raced.isPresent()) {
        return replay(raced.get(), keyed, firearmId[0], body.action);
      }
      return idempotency.refused(
          keyed,
          e,
          () ->
              ledger
                  .lockedByKey(firearmId[0], keyed.key())
                  .map(event -> replay(event, keyed, firearmId[0], body.action)));
    }
  }

  private Idempotency.Answer act(
      CustodyViews.EventRequest body, IdempotentRequest keyed, Long[] firearmId) {
    CustodyAction action = action(body.action);
    if (action.byOrderOnly()) {
      throw ProblemException.invalid(
          "action",
          action + " is recorded by a destruction order (approve, cancel, complete), not sent");
    }
    checkLength("reason", body.reason, CustodyEvent.REASON_MAX);
    checkLength("documentRef", body.documentRef, CustodyEvent.DOCUMENT_MAX);
    String station = request.stationFor(body.station);
    firearmId[0] = firearm(body);
    if (action == CustodyAction.RECEIVE_TRANSFER
        && body.firearmId != null
        && request.scope().isPresent()
        && !firearms
            .holdingAnywhere(firearmId[0])
            .map(h -> request.inScope(h.locationId()))
            .orElse(true)) {
      // whoever has a weapon in transit in hand may receive it (a misdelivery opens a case), but a
      // typed id proves nothing: the weapon's marking must be scanned
      throw new ProblemException(
          ProblemType.OUTSIDE_ARMOURY,
          "This transfer is addressed to another armoury; to receive it here, scan the weapon's"
              + " marking (proof that it is in hand).");
    }

    CustodyLedger.Command command =
        new CustodyLedger.Command(
            firearmId[0],
            action,
            body.locationId,
            body.holderId,
            body.expectedReturn,
            station,
            body.deviceTime,
            body.reason,
            body.documentRef,
            keyed.key(),
            keyed.digest());
    CustodyEvent event = ledger.record(command, request.actor());
    return Idempotency.Answer.accepted(201, CustodyViews.EventView.of(event), false);
  }

  /**
   * What an event request asks for, as sent: the same key with a different digest is another
   * request. The station's claimed name is the body's; the credential's station is the sender's.
   */
  // the sender is part of the request: a key belongs to who sent it, and another user's retry of
  // it is a different request (409), never a replay of someone else's outcome
  private String digest(CustodyViews.EventRequest b) {
    return IdempotentRequest.digest(
        "sender", request.actor(),
        "firearmId", b.firearmId,
        "scannedText", b.scannedText,
        "action", b.action,
        "locationId", b.locationId,
        "holderId", b.holderId,
        "expectedReturn", b.expectedReturn,
        "station", b.station,
        "deviceTime", b.deviceTime,
        "reason", b.reason,
        "documentRef", b.documentRef);
  }

  private Idempotency.Answer replay(
      CustodyEvent event, IdempotentRequest keyed, Long firearmId, String action) {
    String actor = request.actor();
    boolean other =
        event.requestDigest() != null
            ? !event.requestDigest().equals(keyed.digest())
            // an event from before digests: what it records is what can be compared
            : (firearmId != null && event.firearmId() != firearmId)
                || !event.action().equalsIgnoreCase(String.valueOf(action).trim())
                || !event.actor().equals(actor);
    if (other) {
      throw keyed.reused("another request");
    }
    return Idempotency.Answer.accepted(200, CustodyViews.EventView.of(event), true);
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
