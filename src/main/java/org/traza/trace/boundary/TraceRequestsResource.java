package org.traza.trace.boundary;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.entity.Codes;
import org.traza.security.entity.Role;
import org.traza.trace.control.TraceRequestCheck;
import org.traza.trace.control.TraceRequests;
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
  @Inject org.traza.trace.control.TraceResponses responses;
  @Inject RequestContext request;

  /** A trace request as sent (ITI paras 14-23, ATF Form 3312.1 fields). */
  public static class RequestBody {
    public String urgency;
    public String urgencyJustification;
    public String requestingAuthority;
    public String requestingCountry;
    public String contact;
    public String caseReference;
    public String legalBasis;
    public String illicitReason;
    public String intendedUse;

    /** YYYY-MM-DD */
    public String recoveredOn;

    public String recoveryPlace;
    public String circumstances;
    public String possessor;
    public String weaponType;
    public String weaponMake;
    public String weaponModel;
    public String weaponCalibre;
    public String serialAsRead;
    public boolean obliterated;
    public String importer;
    public String originCountry;
    public String otherMarkings;
  }

  /** Who works on a request. */
  public static class Assignment {
    public String investigator;
  }

  /** The answer. */
  public static class AnswerBody {
    public String outcome;
    public Long firearmId;
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
      TraceRequest.Content request,
      List<TraceRequestCheck.Finding> warnings) {}

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
        requests.change(id, "TRACE_REQUEST_ACKNOWLEDGED", (t, now) -> t.acknowledge(now)),
        List.of());
  }

  @POST
  @Path("{id}/start")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(summary = "Start work on it, assigned to the caller or to the named investigator")
  public RequestView start(@PathParam("id") long id, Assignment body) {
    String who = body == null || blank(body.investigator) ? request.actor() : body.investigator;
    return view(
        requests.change(id, "TRACE_REQUEST_STARTED", (t, now) -> t.start(who, now)), List.of());
  }

  @POST
  @Path("{id}/assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
  public RequestView assign(@PathParam("id") long id, Assignment body) {
    if (body == null || blank(body.investigator)) {
      throw ProblemException.invalid("investigator", "required");
    }
    return view(
        requests.change(id, "TRACE_REQUEST_ASSIGNED", (t, now) -> t.assign(body.investigator)),
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
    return view(
        requests.change(
            id,
            "TRACE_REQUEST_ANSWERED",
            (t, now) -> t.answer(how, body.firearmId, reason, now, request.actor())),
        List.of());
  }

  @POST
  @Path("{id}/close")
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  public RequestView close(@PathParam("id") long id) {
    return view(requests.change(id, "TRACE_REQUEST_CLOSED", (t, now) -> t.close(now)), List.of());
  }

  @GET
  @Path("{id}/response")
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
  public org.traza.trace.control.TraceResponses.Response response(@PathParam("id") long id) {
    return responses.of(requests.get(id));
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
