package org.traza.destruction.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.destruction.control.Destructions;
import org.traza.destruction.entity.DestructionOrder;
import org.traza.destruction.entity.DestructionPhoto;
import org.traza.destruction.entity.DestructionScan;
import org.traza.destruction.entity.Witness;
import org.traza.marking.boundary.MarkingResolver;
import org.traza.platform.boundary.Idempotency;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.Csv;
import org.traza.platform.entity.IdempotencyKey;
import org.traza.platform.entity.IdempotentRequest;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.entity.Codes;
import org.traza.security.entity.Role;

/** Destruction orders: four-eyes approval, execution at the site, completion (ISACS 05.50). */
@Tag(name = "Destruction", description = "Orders, execution, certificates, alerts")
@Path("destruction-orders")
@RequestScoped
public class DestructionOrdersResource {

  @Inject Destructions destructions;
  @Inject MarkingResolver resolver;
  @Inject RequestContext request;
  @Inject Idempotency idempotency;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.SUPERVISOR)
  @Operation(summary = "Order the destruction of SURPLUS firearms; another person approves it")
  public Response create(DestructionViews.OrderRequest body) {
    if (body == null) {
      throw ProblemException.invalid("body", "required");
    }
    if (body.firearmIds == null || body.firearmIds.stream().anyMatch(id -> id == null)) {
      throw ProblemException.invalid("firearmIds", "a list of registry numbers");
    }
    DestructionOrder o =
        destructions.create(
            new DestructionOrder.Request(
                new LinkedHashSet<>(body.firearmIds),
                body.reason,
                body.legalAuthority,
                body.legalReference,
                body.plannedMethod,
                body.site,
                org.traza.platform.entity.Params.date("plannedDate", body.plannedDate)),
            request.actor());
    return Response.created(URI.create("/api/destruction-orders/" + o.id()))
        .entity(view(o))
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.AUDITOR})
  @Operation(summary = "Orders by status, site, method and planned date (from, to: YYYY-MM-DD)")
  public List<DestructionViews.OrderView> list(
      @QueryParam("status") String status,
      @QueryParam("site") String site,
      @QueryParam("method") String method,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return destructions
        .orders(
            Codes.parseOptional(DestructionOrder.Status.class, "status", status),
            site,
            method,
            org.traza.platform.entity.Params.date("from", from),
            org.traza.platform.entity.Params.date("to", to))
        .stream()
        .map(this::view)
        .toList();
  }

  @GET
  @Path("export")
  @Produces("text/csv")
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.AUDITOR})
  @Operation(summary = "The same list as CSV, one row per order, for national reports")
  public Response export(
      @QueryParam("status") String status,
      @QueryParam("site") String site,
      @QueryParam("method") String method,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    StringBuilder csv =
        new StringBuilder(
            "order,status,site,planned_method,method,planned_date,executed_at,firearms,"
                + "legal_authority,legal_reference,created_by,approved_by,certificate\r\n");
    for (DestructionViews.OrderView o : list(status, site, method, from, to)) {
      csv.append(
          String.join(
              ",",
              Csv.cell(o.number()),
              Csv.cell(o.status()),
              Csv.cell(o.site()),
              Csv.cell(o.plannedMethod()),
              Csv.cell(o.method()),
              Csv.cell(o.plannedDate()),
              Csv.cell(o.executedAt()),
              Csv.cell(o.firearms()),
              Csv.cell(o.legalAuthority()),
              Csv.cell(o.legalReference()),
              Csv.cell(o.createdBy()),
              Csv.cell(o.approvedBy()),
              Csv.cell(o.certificate())));
      csv.append("\r\n");
    }
    return Response.ok(csv.toString())
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"destruction-orders.csv\"")
        .build();
  }

  /** RFC 4180 quoting; a leading = + - @ is neutralised so that spreadsheets do not run it. */
  @GET
  @Path("summary")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.AUDITOR})
  @Operation(summary = "Firearms destroyed per year, by type and method")
  public Map<Integer, Map<String, Map<String, Long>>> summary(
      @QueryParam("fromYear") Integer fromYear, @QueryParam("toYear") Integer toYear) {
    return destructions.summary(fromYear, toYear);
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.AUDITOR})
  public DestructionViews.OrderView get(@PathParam("id") long id) {
    return view(destructions.order(id));
  }

  @POST
  @Path("{id}/approve")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(summary = "Approve (not its creator): every firearm becomes DESTRUCTION_PENDING")
  public DestructionViews.OrderView approve(@PathParam("id") long id) {
    return view(destructions.approve(id, request.actor()));
  }

  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(summary = "Cancel before completion: an approved order's firearms go back to SURPLUS")
  public DestructionViews.OrderView cancel(
      @PathParam("id") long id, DestructionViews.CancelRequest body) {
    return view(destructions.cancel(id, body == null ? null : body.reason, request.actor()));
  }

  @POST
  @Path("{id}/scans")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Scan a firearm at the site: ON_ORDER, DUPLICATE, NOT_ON_ORDER, ALREADY_DESTROYED or"
              + " UNKNOWN; all but the first two raise an alert. With an idempotencyKey a retry"
              + " answers 200 with the scan already recorded")
  public Response scan(@PathParam("id") long id, DestructionViews.ScanRequest body) {
    if (body == null) {
      throw ProblemException.invalid("body", "required");
    }
    String key = IdempotencyKey.optional(body.idempotencyKey);
    if (key == null) {
      return scanned(id, body, null).response();
    }
    IdempotentRequest keyed =
        new IdempotentRequest(
            DestructionScan.IDEMPOTENCY_SCOPE,
            key,
            IdempotentRequest.digest(
                "sender", request.actor(),
                "destructionOrderId", id,
                "scannedText", body.scannedText,
                "firearmId", body.firearmId,
                "station", body.station));
    return idempotency
        .once(
            keyed,
            () -> scanned(id, body, keyed),
            () ->
                destructions
                    .lockedByKey(id, keyed)
                    .map(
                        s ->
                            Idempotency.Answer.accepted(
                                200, DestructionViews.ScanView.of(s), true)))
        .response();
  }

  private Idempotency.Answer scanned(
      long id, DestructionViews.ScanRequest body, IdempotentRequest keyed) {
    MarkingResolver.Scanned scanned = resolver.scanned(body.scannedText, body.firearmId);
    String station = request.stationFor(body.station);
    Destructions.Recorded r =
        destructions.scan(id, scanned.text(), scanned.firearmId(), station, request.actor(), keyed);
    return Idempotency.Answer.accepted(
        r.replayed() ? 200 : 201, DestructionViews.ScanView.of(r.scan()), r.replayed());
  }

  @GET
  @Path("{id}/scans")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.AUDITOR})
  public List<DestructionViews.ScanView> scans(@PathParam("id") long id) {
    destructions.order(id);
    return destructions.scans(id).stream().map(DestructionViews.ScanView::of).toList();
  }

  @POST
  @Path("{id}/photos")
  @Consumes({"image/jpeg", "image/png", "image/webp"})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(summary = "A photo BEFORE or AFTER the destruction (stage=BEFORE|AFTER)")
  public Response photo(
      @PathParam("id") long id,
      @QueryParam("stage") String stage,
      @jakarta.ws.rs.HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
      byte[] image) {
    DestructionPhoto p =
        destructions.photo(
            id,
            Codes.parse(DestructionPhoto.Stage.class, "stage", stage),
            type,
            image,
            request.actor());
    return Response.status(Response.Status.CREATED)
        .entity(
            new DestructionViews.PhotoView(
                p.id(), p.stage().name(), p.mediaType(), p.sha256(), p.sizeBytes(), p.takenAt()))
        .build();
  }

  @GET
  @Path("{id}/photos")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.AUDITOR})
  public List<DestructionViews.PhotoView> photos(@PathParam("id") long id) {
    destructions.order(id);
    return destructions.photos(id).stream()
        .map(
            p ->
                new DestructionViews.PhotoView(
                    (Long) p[0],
                    p[1].toString(),
                    (String) p[2],
                    (String) p[3],
                    (Long) p[4],
                    (java.time.Instant) p[5]))
        .toList();
  }

  @POST
  @Path("{id}/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Record the destruction (method, time, operator, two or more witnesses, notes): every"
              + " firearm becomes DESTROYED and the signed certificate is issued")
  public Response complete(@PathParam("id") long id, DestructionViews.CompleteRequest body) {
    if (body == null) {
      throw ProblemException.invalid("body", "required");
    }
    List<Witness> witnesses =
        body.witnesses == null
            ? List.of()
            : body.witnesses.stream().map(DestructionOrdersResource::witness).toList();
    var certificate =
        destructions.complete(
            id,
            new DestructionOrder.Execution(
                body.method, body.executedAt, body.operator, witnesses, body.notes),
            request.actor());
    return Response.ok(view(destructions.order(id)))
        .header(HttpHeaders.LOCATION, "/api/destruction-certificates/" + certificate.number())
        .build();
  }

  private static Witness witness(DestructionViews.WitnessRequest w) {
    if (w == null) {
      throw ProblemException.invalid("witnesses", "a witness is empty");
    }
    return new Witness(
        text("witnesses.name", w.name),
        text("witnesses.organisation", w.organisation),
        text("witnesses.role", w.role),
        w.independent);
  }

  private static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid(field, "required");
    }
    if (value.length() > Witness.TEXT_MAX) {
      throw ProblemException.invalid(field, "at most " + Witness.TEXT_MAX + " characters");
    }
    return value.trim();
  }

  private DestructionViews.OrderView view(DestructionOrder o) {
    return DestructionViews.OrderView.of(
        o,
        o.status() == DestructionOrder.Status.COMPLETED
            ? destructions.certificateOf(o.id()).map(c -> c.number()).orElse(null)
            : null);
  }
}
