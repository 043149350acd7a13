package org.traza.registry.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.Page;
import org.traza.platform.entity.Paging;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.registry.boundary.FirearmViews.FirearmView;
import org.traza.registry.boundary.FirearmViews.History;
import org.traza.registry.boundary.FirearmViews.MarkingView;
import org.traza.registry.control.FirearmRegistry;
import org.traza.registry.control.FirearmSearch;
import org.traza.registry.control.ReferenceData;
import org.traza.registry.entity.Codes;
import org.traza.registry.entity.Firearm;
import org.traza.registry.entity.FirearmStatus;
import org.traza.security.entity.Role;

/** The firearm registry: register, find, read, correct (with history), void, add markings. */
@Tag(
    name = "Firearms",
    description = "The firearm registry: records, markings, corrections, history")
@Path("firearms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FirearmsResource {

  public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  @Inject FirearmRegistry registry;
  @Inject FirearmSearch search;
  @Inject ReferenceData reference;
  @Inject RequestContext request;

  @Inject
  @ConfigProperty(name = "registry.originator", defaultValue = "national registry")
  String defaultOriginator;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  public Response register(@NotNull @Valid FirearmRequests.Registration body) {
    Firearm firearm =
        registry.register(
            body.toDescription(reference, defaultOriginator), body.marks(), request.actor());
    return Response.created(URI.create("/api/firearms/" + firearm.id()))
        .tag(etag(firearm))
        .entity(FirearmView.of(firearm))
        .build();
  }

  @GET
  @RolesAllowed(Role.Names.ANY_ROLE)
  public Page<FirearmView> find(
      @QueryParam("serial") String serial,
      @QueryParam("make") String make,
      @QueryParam("model") String model,
      @QueryParam("calibre") String calibre,
      @QueryParam("type") String type,
      @QueryParam("status") String status,
      @QueryParam("includeVoided") @DefaultValue("false") boolean includeVoided,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Paging.checkLimit(limit, 500);
    FirearmSearch.Criteria criteria =
        new FirearmSearch.Criteria(
            serial,
            make,
            model,
            calibre,
            type,
            Codes.parseOptional(FirearmStatus.class, "status", status),
            includeVoided,
            Paging.cursor(cursor),
            request.scope().orElse(null));
    List<Firearm> found = search.find(criteria, limit);
    if (request.hasRole(Role.Names.INVESTIGATOR)) {
      registry.recordRead(
          AuditAction.FIREARMS_SEARCHED,
          null,
          FirearmSearch.describe(criteria) + ": " + found.size() + " found");
    }
    String next = found.size() == limit ? String.valueOf(found.get(found.size() - 1).id()) : null;
    return new Page<>(found.stream().map(FirearmView::of).toList(), next, null);
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Role.Names.ANY_ROLE)
  public Response get(@PathParam("id") long id) {
    Firearm firearm = registry.existing(id);
    if (request.hasRole(Role.Names.INVESTIGATOR)) {
      registry.recordRead(AuditAction.FIREARM_READ, String.valueOf(id), "record read");
    }
    return Response.ok(FirearmView.of(firearm)).tag(etag(firearm)).build();
  }

  @GET
  @Path("{id}/history")
  @RolesAllowed(Role.Names.ANY_ROLE)
  public History history(@PathParam("id") long id) {
    Firearm firearm = registry.existing(id);
    if (request.hasRole(Role.Names.INVESTIGATOR)) {
      registry.recordRead(AuditAction.FIREARM_HISTORY_READ, String.valueOf(id), "corrections read");
    }
    return History.of(firearm);
  }

  /**
   * Corrects descriptive fields. The body names the fields to change (null clears an optional one)
   * and a required "reason"; If-Match must carry the ETag of the version being corrected.
   */
  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  public Response correct(
      @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, String body) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          ProblemType.PRECONDITION_REQUIRED,
          "Send If-Match with the ETag from GET /api/firearms/"
              + id
              + " so that no change is lost.");
    }
    long expected = version(ifMatch);
    JsonObject patch = parse(body);
    String reason = FirearmRequests.reason(patch);
    Firearm corrected =
        registry.correct(
            id,
            expected,
            current -> FirearmRequests.apply(current, patch, reference),
            reason,
            request.hasRole(Role.Names.SUPERVISOR),
            request.actor());
    return Response.ok(FirearmView.of(corrected)).tag(etag(corrected)).build();
  }

  @POST
  @Path("{id}/void")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.SUPERVISOR)
  public Response voidRecord(
      @PathParam("id") long id, @NotNull @Valid FirearmRequests.Voiding body) {
    Firearm firearm = registry.voidRecord(id, body.reason, request.actor());
    return Response.ok(FirearmView.of(firearm)).tag(etag(firearm)).build();
  }

  @POST
  @Path("{id}/markings")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  public Response addMarking(
      @PathParam("id") long id, @NotNull @Valid FirearmRequests.Marking body) {
    var marking = registry.addMarking(id, body.toSpec(), request.actor());
    return Response.created(URI.create("/api/firearms/" + id))
        .entity(MarkingView.of(marking))
        .build();
  }

  static EntityTag etag(Firearm firearm) {
    return new EntityTag(String.valueOf(firearm.version()));
  }

  private static long version(String ifMatch) {
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("If-Match", "must be the ETag returned by GET, e.g. \"3\"");
    }
  }

  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      throw ProblemException.invalid("body", "send the fields to correct and a reason");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (jakarta.json.JsonException | IllegalStateException e) {
      throw new ProblemException(
          ProblemType.MALFORMED_BODY, "The request body must be a JSON object.");
    }
  }
}
