package org.traza.trace.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.custody.boundary.CustodyDirectory;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.entity.Codes;
import org.traza.security.boundary.UserDirectory;
import org.traza.security.entity.AppUser;
import org.traza.security.entity.Role;
import org.traza.trace.control.Confidentiality;
import org.traza.trace.control.TraceExchange;
import org.traza.trace.control.TraceRequestCheck;
import org.traza.trace.control.TraceRequests;
import org.traza.trace.control.TraceResponsePdf;
import org.traza.trace.control.TraceResponses;
import org.traza.trace.entity.TraceRequest;

/**
 * Trace requests: checked, filed with a deadline by urgency, acknowledged, worked on by an assigned
 * investigator, answered, closed; overdue ones listed.
 */
@Tag(name = "Trace")
@Path("trace-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TraceRequestsResource {

  @Inject TraceRequests requests;
  @Inject TraceRequestCheck check;
  @Inject TraceQueriesResource queries;
  @Inject TraceResponses responses;
  @Inject TraceExchange exchange;
  @Inject Confidentiality confidentiality;
  @Inject CustodyDirectory places;
  @Inject RequestContext request;
  @Inject UserDirectory users;
  @Inject FirearmDirectory firearms;

  /** Applies {@code change} when the caller may work on the request (see requireWorker). */
  private TraceRequest work(
      long id,
      AuditAction action,
      String doing,
      java.util.function.BiConsumer<TraceRequest, java.time.Instant> change) {
    return requests.change(
        id,
        action,
        (t, now) -> {
          t.requireWorker(request.actor(), supervises(), doing);
          change.accept(t, now);
        });
  }

  /** Supervisors and administrators assign requests and may step in on any of them. */
  private boolean supervises() {
    return request.hasRole(Role.Names.SUPERVISOR) || request.hasRole(Role.Names.ADMIN);
  }

  /** The stored name of the enabled investigator {@code name}; 400 when there is none. */
  private String investigator(String name) {
    return users
        .enabledWithRole(name, Role.Names.INVESTIGATOR)
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    "investigator", "no enabled user with the INVESTIGATOR role has this name"));
  }

  /** A trace request as sent (ITI paras 14-23, ATF Form 3312.1 fields). */
  public static class RequestBody {
    @Size(max = 40)
    public String urgency;

    @Size(max = 500)
    public String urgencyJustification;

    @Size(max = 200)
    public String requestingAuthority;

    @Size(max = 2)
    public String requestingCountry;

    @Size(max = 200)
    public String contact;

    @Size(max = 100)
    public String caseReference;

    @Size(max = 500)
    public String legalBasis;

    @Size(max = 500)
    public String illicitReason;

    @Size(max = 500)
    public String intendedUse;

    /** YYYY-MM-DD */
    @Size(max = 40)
    public String recoveredOn;

    @Size(max = 200)
    public String recoveryPlace;

    @Size(max = 1000)
    public String circumstances;

    @Size(max = 200)
    public String possessor;

    @Size(max = 40)
    public String weaponType;

    @Size(max = 40)
    public String weaponMake;

    @Size(max = 100)
    public String weaponModel;

    @Size(max = 40)
    public String weaponCalibre;

    @Size(max = 80)
    public String serialAsRead;

    public boolean obliterated;

    @Size(max = 200)
    public String importer;

    @Size(max = 2)
    public String originCountry;

    @Size(max = 1000)
    public String otherMarkings;
  }

  /** Who works on a request. */
  public static class Assignment {
    @Size(max = AppUser.USERNAME_MAX)
    public String investigator;
  }

  /** The answer. */
  public static class AnswerBody {
    @Size(max = 40)
    public String outcome;

    public Long firearmId;

    @Size(max = 500)
    public String reason;
  }

  public record RequestView(
      long id,
      String reference,
      String status,
      Instant receivedAt,
      String receivedBy,
      Instant dueAt,
      boolean overdue,
      String assignedTo,
      Instant acknowledgedAt,
      Instant startedAt,
      Instant answeredAt,
      String answeredBy,
      String outcome,
      String outcomeReason,
      Long firearmId,
      Instant closedAt,
      String senderCountry,
      String senderReference,
      Instant responseReceivedAt,
      TraceRequest.Content request,
      List<TraceRequestCheck.Finding> warnings) {}

  /** An originator's consent to release restricted details to this request's requester. */
  public static class ConsentBody {
    @Size(max = 200)
    public String originator;

    @Size(max = 100)
    public String documentReference;

    @Size(max = 500)
    public String note;
  }

  @POST
  @Path("check")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "The data-quality check of a request before it is filed: errors, and warnings with the"
              + " closest reference entries")
  public TraceRequestCheck.Result check(RequestBody body) {
    return check.check(content(body));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary = "File a request (400 with the check's errors); the answer lists its warnings")
  public Response file(RequestBody body) {
    TraceRequest.Content c = content(body);
    TraceRequest t = requests.file(c, request.actor());
    return Response.created(URI.create("/api/trace-requests/" + t.id()))
        .entity(view(t, check.check(c).warnings()))
        .build();
  }

  @GET
  @RolesAllowed({
    Role.Names.INVESTIGATOR,
    Role.Names.SUPERVISOR,
    Role.Names.ADMIN,
    Role.Names.AUDITOR
  })
  @Operation(summary = "Requests by status; overdue=true: past their deadline and unanswered")
  public List<RequestView> list(
      @QueryParam("status") String status,
      @QueryParam("overdue") @DefaultValue("false") boolean overdue) {
    return requests
        .list(Codes.parseOptional(TraceRequest.Status.class, "status", status), overdue)
        .stream()
        .map(t -> view(t, List.of()))
        .toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({
    Role.Names.INVESTIGATOR,
    Role.Names.SUPERVISOR,
    Role.Names.ADMIN,
    Role.Names.AUDITOR
  })
  public RequestView get(@PathParam("id") long id) {
    return view(requests.get(id), List.of());
  }

  @POST
  @Path("{id}/acknowledge")
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  public RequestView acknowledge(@PathParam("id") long id) {
    return view(
        work(
            id,
            AuditAction.TRACE_REQUEST_ACKNOWLEDGED,
            "acknowledge",
            (t, now) -> t.acknowledge(now)),
        List.of());
  }

  @POST
  @Path("{id}/start")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(summary = "Start work on it, assigned to the caller or to the named investigator")
  public RequestView start(@PathParam("id") long id, Assignment body) {
    boolean named = body != null && !blank(body.investigator);
    if (named && !supervises() && !body.investigator.strip().equalsIgnoreCase(request.actor())) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Only a supervisor or administrator assigns a request to someone else; start it for"
              + " yourself without naming an investigator.");
    }
    String who = named ? investigator(body.investigator) : request.actor();
    return view(
        work(id, AuditAction.TRACE_REQUEST_STARTED, "start", (t, now) -> t.start(who, now)),
        List.of());
  }

  @POST
  @Path("{id}/assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
  public RequestView assign(@PathParam("id") long id, Assignment body) {
    if (body == null || blank(body.investigator)) {
      throw ProblemException.invalid("investigator", "required");
    }
    String who = investigator(body.investigator);
    return view(
        requests.change(id, AuditAction.TRACE_REQUEST_ASSIGNED, (t, now) -> t.assign(who)),
        List.of());
  }

  @POST
  @Path("{id}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Answer: IDENTIFIED or PARTIALLY_IDENTIFIED with the firearm, NOT_TRACEABLE with the"
              + " reason")
  public RequestView answer(@PathParam("id") long id, AnswerBody body) {
    if (body == null) {
      throw ProblemException.invalid("outcome", "required");
    }
    TraceRequest.Outcome how = Codes.parse(TraceRequest.Outcome.class, "outcome", body.outcome);
    String reason = body.reason == null ? null : body.reason.trim();
    if (reason != null && reason.length() > 1000) {
      throw ProblemException.invalid("reason", "at most 1000 characters");
    }
    if (body.firearmId != null && firearms.find(body.firearmId).isEmpty()) {
      throw ProblemException.invalid(
          "firearmId", "no firearm on record has this id; search the registry for the weapon");
    }
    return view(
        work(
            id,
            AuditAction.TRACE_REQUEST_ANSWERED,
            "answer",
            (t, now) -> t.answer(how, body.firearmId, reason, now, request.actor())),
        List.of());
  }

  @POST
  @Path("{id}/close")
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  public RequestView close(@PathParam("id") long id) {
    return view(
        work(id, AuditAction.TRACE_REQUEST_CLOSED, "close", (t, now) -> t.close(now)), List.of());
  }

  @GET
  @Path("{id}/response")
  @Produces("application/json; qs=1")
  @RolesAllowed({
    Role.Names.INVESTIGATOR,
    Role.Names.SUPERVISOR,
    Role.Names.ADMIN,
    Role.Names.AUDITOR
  })
  @Operation(
      summary =
          "The response to an answered request (ITI para 17): outcome, the weapon's record and"
              + " every marking, its custody history with the chain's verification, last location"
              + " and holder, alerts")
  public TraceResponses.Response response(@PathParam("id") long id) {
    return responses.of(requests.get(id));
  }

  @GET
  @Path("{id}/response")
  @Produces("application/pdf; qs=0.5")
  @RolesAllowed({
    Role.Names.INVESTIGATOR,
    Role.Names.SUPERVISOR,
    Role.Names.ADMIN,
    Role.Names.AUDITOR
  })
  @Operation(summary = "The same response as a PDF document (Accept: application/pdf)")
  public Response responsePdf(@PathParam("id") long id) {
    TraceResponses.Response r = responses.of(requests.get(id));
    byte[] pdf =
        TraceResponsePdf.render(
            r, at -> places.place(at).map(CustodyDirectory.Place::code).orElse("#" + at));
    return Response.ok(pdf, "application/pdf")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"" + r.reference() + "-response.pdf\"")
        .build();
  }

  @POST
  @Path("{id}/photos")
  @Consumes({"image/jpeg", "image/png", "image/webp"})
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(summary = "Add a photo of the recovered weapon to an open request")
  public Response addPhoto(
      @PathParam("id") long id,
      @jakarta.ws.rs.HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
      byte[] image) {
    requests.get(id).requireWorker(request.actor(), supervises(), "add photos to");
    var p = requests.photo(id, image, type, request.actor());
    return Response.created(URI.create("/api/trace-requests/" + id + "/photos/" + p.id()))
        .entity(
            new TraceRequests.PhotoInfo(
                p.id(), p.mediaType(), p.sha256(), p.sizeBytes(), p.addedAt(), p.addedBy()))
        .build();
  }

  @GET
  @Path("{id}/photos")
  @RolesAllowed({
    Role.Names.INVESTIGATOR,
    Role.Names.SUPERVISOR,
    Role.Names.ADMIN,
    Role.Names.AUDITOR
  })
  public List<TraceRequests.PhotoInfo> photos(@PathParam("id") long id) {
    requests.get(id);
    return requests.photos(id);
  }

  @GET
  @Path("{id}/photos/{photoId}")
  @Produces({"image/jpeg", "image/png", "image/webp"})
  @RolesAllowed({
    Role.Names.INVESTIGATOR,
    Role.Names.SUPERVISOR,
    Role.Names.ADMIN,
    Role.Names.AUDITOR
  })
  public Response photo(@PathParam("id") long id, @PathParam("photoId") long photoId) {
    var p = requests.photo(id, photoId);
    return Response.ok(p.content(), p.mediaType()).header("ETag", "\"" + p.sha256() + "\"").build();
  }

  @POST
  @Path("{id}/consents")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Record an originator's consent (CIFTA Art. XII) to release its restricted details to"
              + " this request's requester")
  public Response consent(@PathParam("id") long id, ConsentBody body) {
    if (body == null) {
      throw ProblemException.invalid("body", "required");
    }
    var c =
        confidentiality.consent(
            requests.get(id), body.originator, body.documentReference, body.note, request.actor());
    return Response.status(Response.Status.CREATED).entity(c).build();
  }

  @GET
  @Path("{id}/consents")
  @RolesAllowed({
    Role.Names.INVESTIGATOR,
    Role.Names.SUPERVISOR,
    Role.Names.ADMIN,
    Role.Names.AUDITOR
  })
  public List<Confidentiality.Consent> consents(@PathParam("id") long id) {
    requests.get(id);
    return confidentiality.consents(id);
  }

  @GET
  @Path("{id}/export")
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "The request as a trace exchange document (docs/trace-exchange.md), with its photos"
              + " and, once answered, its response")
  public Response export(@PathParam("id") long id) {
    TraceExchange.Exported e = exchange.export(id);
    return Response.ok(e.document(), MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + e.reference() + ".json\"")
        .build();
  }

  @POST
  @Path("import")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Import another state's trace exchange document: validated against the schema (400"
              + " naming every violation); a request is filed (201), a response is attached to"
              + " the request it answers (200)")
  public Response importDocument(String document) {
    TraceExchange.Imported i = exchange.importDocument(document, request.actor());
    RequestView v = view(i.request(), List.of());
    return i.created()
        ? Response.created(URI.create("/api/trace-requests/" + v.id())).entity(v).build()
        : Response.ok(v).build();
  }

  @GET
  @Path("{id}/received-response")
  @RolesAllowed({
    Role.Names.INVESTIGATOR,
    Role.Names.SUPERVISOR,
    Role.Names.ADMIN,
    Role.Names.AUDITOR
  })
  @Operation(summary = "The response another state sent to this request, as it was sent")
  public Response receivedResponse(@PathParam("id") long id) {
    TraceRequest t = requests.get(id);
    if (t.receivedResponse() == null) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "No response has been received for " + t.reference() + ".");
    }
    return Response.ok(t.receivedResponse(), MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("{id}/candidates")
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary = "The registry's candidates for the request's weapon (a trace query under its case)")
  public TraceQueriesResource.Answer candidates(@PathParam("id") long id) {
    TraceRequest.Content c = requests.get(id).content();
    TraceQueriesResource.Query q = new TraceQueriesResource.Query();
    q.caseReference = c.caseReference();
    q.serial = c.serialAsRead();
    q.make = c.weaponMake();
    q.model = c.weaponModel();
    q.type = c.weaponType();
    q.calibre = c.weaponCalibre();
    q.country = c.originCountry();
    return queries.query(q);
  }

  private RequestView view(TraceRequest t, List<TraceRequestCheck.Finding> warnings) {
    return new RequestView(
        t.id(),
        t.reference(),
        t.status().name(),
        t.receivedAt(),
        t.receivedBy(),
        t.dueAt(),
        t.isOverdue(requests.now()),
        t.assignedTo(),
        t.acknowledgedAt(),
        t.startedAt(),
        t.answeredAt(),
        t.answeredBy(),
        t.outcome() == null ? null : t.outcome().name(),
        t.outcomeReason(),
        t.firearmId(),
        t.closedAt(),
        t.senderCountry(),
        t.senderReference(),
        t.receivedResponseAt(),
        t.content(),
        warnings);
  }

  private static TraceRequest.Content content(RequestBody b) {
    if (b == null) {
      throw ProblemException.invalid("body", "required");
    }
    TraceRequest.Urgency urgency =
        b.urgency == null || b.urgency.isBlank()
            ? TraceRequest.Urgency.ROUTINE
            : Codes.parse(TraceRequest.Urgency.class, "urgency", b.urgency);
    LocalDate recovered = org.traza.platform.entity.Params.date("recoveredOn", b.recoveredOn);
    return new TraceRequest.Content(
        urgency,
        text("urgencyJustification", b.urgencyJustification, 500),
        text("requestingAuthority", b.requestingAuthority, 200),
        upper(text("requestingCountry", b.requestingCountry, 2)),
        text("contact", b.contact, 200),
        text("caseReference", b.caseReference, 100),
        text("legalBasis", b.legalBasis, 500),
        text("illicitReason", b.illicitReason, 500),
        text("intendedUse", b.intendedUse, 500),
        recovered,
        text("recoveryPlace", b.recoveryPlace, 200),
        text("circumstances", b.circumstances, 1000),
        text("possessor", b.possessor, 200),
        text("weaponType", b.weaponType, 40),
        text("weaponMake", b.weaponMake, 40),
        text("weaponModel", b.weaponModel, 100),
        text("weaponCalibre", b.weaponCalibre, 40),
        text("serialAsRead", b.serialAsRead, 80),
        b.obliterated,
        text("importer", b.importer, 200),
        upper(text("originCountry", b.originCountry, 2)),
        text("otherMarkings", b.otherMarkings, 1000));
  }

  private static String text(String field, String value, int max) {
    if (blank(value)) {
      return null;
    }
    String v = value.trim();
    if (v.length() > max) {
      throw ProblemException.invalid(field, "at most " + max + " characters");
    }
    return v;
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
