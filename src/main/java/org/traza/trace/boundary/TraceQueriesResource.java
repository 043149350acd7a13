package org.traza.trace.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.security.entity.Role;
import org.traza.trace.control.TraceMatcher;
import org.traza.trace.entity.SerialQuery;

/**
 * Trace queries: which records may a recovered weapon be. Every query names the case it serves and
 * is on record (who searched what, when, for which case).
 */
@Tag(name = "Trace", description = "Matching recovered weapons to the registry")
@Path("trace-queries")
@ApplicationScoped
public class TraceQueriesResource {

  public static final int CASE_MAX = 100;
  public static final int MAX_CANDIDATES = 50;

  @Inject TraceMatcher matcher;
  @Inject Event<ActionPerformed> actions;

  /** What was read on the weapon and what is known of it. */
  public static class Query {
    /** The case this query serves: required, and kept with the query. */
    @Size(max = 100)
    public String caseReference;

    /** The serial as read: ? for one unreadable character, * for several. */
    @Size(max = 100)
    public String serial;

    @Size(max = 40)
    public String make;

    @Size(max = 100)
    public String model;

    @Size(max = 40)
    public String type;

    @Size(max = 40)
    public String calibre;

    @Size(max = 40)
    public String country;

    public Integer year;
    public Integer limit;
  }

  public record FirearmView(
      long id,
      String href,
      String make,
      String model,
      String type,
      String calibre,
      String serial,
      String manufactureCountry,
      Integer manufactureYear,
      String status) {}

  public record CandidateView(
      FirearmView firearm, int score, List<String> reasons, List<String> alerts) {}

  public record Answer(
      String caseReference,
      String serialAsRead,
      String comparedAs,
      List<String> strategies,
      List<CandidateView> candidates) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.INVESTIGATOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Candidates for a recovered weapon, best first, each with a score and its reasons: exact"
              + " serial, confusable characters, unreadable positions (? and *), similar serials of"
              + " the same make")
  public Answer query(Query body) {
    if (body == null) {
      throw ProblemException.invalid("body", "required");
    }
    if (body.caseReference == null || body.caseReference.isBlank()) {
      throw ProblemException.invalid("caseReference", "required: every trace query serves a case");
    }
    if (body.caseReference.length() > CASE_MAX) {
      throw ProblemException.invalid("caseReference", "at most " + CASE_MAX + " characters");
    }
    int limit = body.limit == null ? 20 : body.limit;
    if (limit < 1 || limit > MAX_CANDIDATES) {
      throw ProblemException.invalid("limit", "1 to " + MAX_CANDIDATES);
    }
    SerialQuery serial = SerialQuery.parse(body.serial);
    TraceMatcher.Result r =
        matcher.match(
            serial,
            new TraceMatcher.Description(
                blank(body.make),
                blank(body.model),
                blank(body.type),
                blank(body.calibre),
                blank(body.country),
                body.year),
            limit);
    List<CandidateView> candidates =
        r.candidates().stream()
            .map(
                c -> {
                  var f = c.firearm();
                  return new CandidateView(
                      new FirearmView(
                          f.id(),
                          "/api/firearms/" + f.id(),
                          f.makeName(),
                          f.model(),
                          f.type(),
                          f.calibre(),
                          f.serialAsMarked(),
                          f.manufactureCountry(),
                          f.manufactureYear(),
                          f.status()),
                      c.score(),
                      c.reasons(),
                      c.alerts());
                })
            .toList();
    actions.fire(
        ActionPerformed.of(
            AuditAction.TRACE_QUERY_RUN,
            body.caseReference.trim(),
            "serial '"
                + serial.asRead()
                + "'"
                + (body.make == null ? "" : " make " + body.make)
                + " -> "
                + candidates.size()
                + " candidate(s)"
                + (candidates.isEmpty() ? "" : ", first #" + candidates.get(0).firearm().id())));
    return new Answer(
        body.caseReference.trim(), serial.asRead(), serial.pattern(), r.strategies(), candidates);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
