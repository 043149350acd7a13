package org.traza.stockpile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.custody.boundary.CustodyDirectory;
import org.traza.marking.boundary.MarkingResolver;
import org.traza.platform.boundary.Idempotency;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.IdempotencyKey;
import org.traza.platform.entity.IdempotentRequest;
import org.traza.platform.entity.Paging;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.entity.Codes;
import org.traza.security.entity.Role;
import org.traza.stockpile.control.StockCounts;
import org.traza.stockpile.entity.CountScan;
import org.traza.stockpile.entity.StockCount;

/** Blind stock counts of a location, their reconciliation and sign-off (ISACS 05.20). */
@Tag(name = "Stock counts", description = "Blind counts, reconciliation, discrepancy cases")
@Path("stock-counts")
@RequestScoped
public class StockCountsResource {

  @Inject StockCounts counts;
  @Inject MarkingResolver resolver;
  @Inject FirearmDirectory firearms;
  @Inject RequestContext request;
  @Inject Idempotency idempotency;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(summary = "Open a blind count of a location")
  public Response open(StockCountViews.OpenRequest body) {
    if (body == null || body.locationId == null) {
      throw ProblemException.invalid("locationId", "required");
    }
    StockCount c = counts.open(body.locationId, request.actor());
    return Response.created(URI.create("/api/stock-counts/" + c.id())).entity(view(c)).build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(
      summary = "Counts, newest first (status OPEN, CLOSED, SIGNED_OFF), without their cases")
  public List<StockCountViews.CountView> list(
      @QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
    Paging.checkLimit(limit, 1000);
    return counts
        .list(
            Codes.parseOptional(StockCount.Status.class, "status", status),
            request.scope().orElse(null),
            limit)
        .stream()
        .map(c -> StockCountViews.CountView.of(c, counts.scans(c.id()).size(), List.of()))
        .toList();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(summary = "A count; once closed, with its expected and found figures and its cases")
  public StockCountViews.CountView get(@PathParam("id") long id) {
    return view(inScope(id));
  }

  @POST
  @Path("{id}/scans")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Count one item (its scanned marking, or its registry number); with an idempotencyKey a"
              + " retry answers the first outcome again, accepted (200) or refused (its problem),"
              + " with Idempotent-Replayed: true; the key with another request is 409")
  public Response scan(@PathParam("id") long id, StockCountViews.ScanRequest body) {
    if (body == null) {
      throw ProblemException.invalid("body", "required");
    }
    String key = IdempotencyKey.optional(body.idempotencyKey);
    if (key == null) {
      return scanned(id, body, null).response();
    }
    IdempotentRequest keyed =
        new IdempotentRequest(
            CountScan.IDEMPOTENCY_SCOPE,
            key,
            IdempotentRequest.digest(
                "sender", request.actor(),
                "stockCountId", id,
                "scannedText", body.scannedText,
                "firearmId", body.firearmId,
                "station", body.station));
    return idempotency
        .once(
            keyed,
            () -> scanned(id, body, keyed),
            () -> counts.lockedByKey(id, keyed).map(s -> answer(s, true)))
        .response();
  }

  private Idempotency.Answer scanned(
      long id, StockCountViews.ScanRequest body, IdempotentRequest keyed) {
    MarkingResolver.Scanned scanned = resolver.scanned(body.scannedText, body.firearmId);
    String station = request.stationFor(body.station);
    inScope(id);
    Long firearm = scanned.firearmId();
    StockCounts.Recorded r =
        counts.scan(id, scanned.text(), firearm, station, request.actor(), keyed);
    if (firearm != null && !r.replayed()) {
      firearms.seen(firearm, "counted in stock count " + id, request.actor());
    }
    return answer(r.scan(), r.replayed());
  }

  private static Idempotency.Answer answer(CountScan scan, boolean replayed) {
    return Idempotency.Answer.accepted(
        replayed ? 200 : 201,
        new StockCountViews.ScanView(scan.id(), scan.firearmId() != null),
        replayed);
  }

  @POST
  @Path("{id}/close")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Close a count and reconcile it: missing, unexpected, misplaced and unknown items each"
              + " open a discrepancy case")
  public StockCountViews.CountView close(@PathParam("id") long id) {
    inScope(id);
    counts.close(id, request.actor());
    return view(counts.get(id));
  }

  @POST
  @Path("{id}/sign-off")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.SUPERVISOR)
  @Operation(summary = "Sign off a closed count: a supervisor who is not its counter")
  public StockCountViews.CountView signOff(@PathParam("id") long id) {
    inScope(id);
    counts.signOff(id, request.actor());
    return view(counts.get(id));
  }

  @GET
  @Path("overdue")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(summary = "Locations whose count frequency has passed since their last closed count")
  public List<CustodyDirectory.Place> overdue() {
    return counts.overdue().stream().filter(p -> request.inScope(p.id())).toList();
  }

  /** The count {@code id}, when it counts a place within the request's armoury. */
  private StockCount inScope(long id) {
    return counts.get(id);
  }

  private StockCountViews.CountView view(StockCount c) {
    return StockCountViews.CountView.of(
        c,
        counts.scans(c.id()).size(),
        c.status() == StockCount.Status.OPEN
            ? List.of()
            : counts.discrepancies(c.id(), null, null));
  }
}
