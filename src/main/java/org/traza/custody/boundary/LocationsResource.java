package org.traza.custody.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.custody.control.Places;
import org.traza.custody.entity.Location;
import org.traza.custody.entity.LocationKind;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.entity.Codes;
import org.traza.security.entity.Role;

/** Where firearms are kept: armouries, vaults, racks. */
@Tag(name = "Custody")
@Path("locations")
@RequestScoped
public class LocationsResource {

  @Inject Places places;
  @Inject org.traza.marking.boundary.SymbolPrinter printer;
  @Inject org.traza.registry.boundary.FirearmDirectory firearms;
  @Inject RequestContext request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  public List<CustodyViews.LocationView> list() {
    return places.visibleLocations().stream().map(CustodyViews.LocationView::of).toList();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  public CustodyViews.LocationView get(@PathParam("id") long id) {
    return CustodyViews.LocationView.of(places.visibleLocation(id));
  }

  @GET
  @Path("{id}/holdings")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @org.eclipse.microprofile.openapi.annotations.Operation(
      summary = "The firearms recorded at a location (issued ones included), counted by status")
  public CustodyViews.Holdings holdings(
      @PathParam("id") long id,
      @jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue("1000") int limit) {
    org.traza.platform.entity.Paging.checkLimit(limit, 10_000);
    places.locationWithin(id);
    var held = firearms.atLocation(id, limit);
    var byStatus =
        held.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    org.traza.registry.boundary.FirearmDirectory.Holding::status,
                    java.util.TreeMap::new,
                    java.util.stream.Collectors.counting()));
    return new CustodyViews.Holdings(
        id, byStatus, held.stream().map(CustodyViews.HoldingView::of).toList());
  }

  /** The text on a location's label: a prefix that no firearm marking format uses, and the code. */
  public static final String LABEL_PREFIX = "LOC ";

  @GET
  @Path("{id}/label")
  @Produces({"image/png", "image/svg+xml", "application/zpl"})
  @RolesAllowed(Role.Names.ANY_ROLE)
  @org.eclipse.microprofile.openapi.annotations.Operation(
      summary =
          "A printable label for a shelf, rack or bin: its code as a symbol (text 'LOC <code>')")
  public Response label(
      @PathParam("id") long id,
      @jakarta.ws.rs.QueryParam("symbology") @jakarta.ws.rs.DefaultValue("CODE128")
          String symbology,
      @jakarta.ws.rs.QueryParam("format") @jakarta.ws.rs.DefaultValue("png") String format,
      @jakarta.ws.rs.QueryParam("moduleSize") @jakarta.ws.rs.DefaultValue("4") int moduleSize) {
    Location l = places.locationWithin(id);
    var printed = printer.print(LABEL_PREFIX + l.code(), symbology, format, moduleSize);
    return Response.ok(printed.bytes(), printed.mediaType())
        .header("X-Label-Text", LABEL_PREFIX + l.code())
        .build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ADMIN)
  public Response create(CustodyViews.LocationRequest body) {
    if (body == null) {
      throw ProblemException.invalid("body", "required");
    }
    require("code", body.code, Location.CODE_MAX);
    require("name", body.name, Location.NAME_MAX);
    LocationKind kind = Codes.parse(LocationKind.class, "kind", body.kind);
    if (body.countFrequencyDays != null
        && (body.countFrequencyDays < 1 || body.countFrequencyDays > 3660)) {
      throw ProblemException.invalid("countFrequencyDays", "between 1 and 3660");
    }
    Location l =
        places.createLocation(
            body.code.trim().toUpperCase(Locale.ROOT),
            body.name.trim(),
            kind,
            body.parentId,
            body.countFrequencyDays,
            request.actor());
    return Response.created(URI.create("/api/locations/" + l.id()))
        .entity(CustodyViews.LocationView.of(l))
        .build();
  }

  /**
   * Renames a location or changes how often it is counted (a JSON merge patch; null clears the
   * count frequency). Its code, kind and parent stay: the code is printed on labels, and a new kind
   * or parent would move weapons between scopes; such a place is a new location.
   */
  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, PlacePatch.MEDIA_TYPE})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ADMIN)
  @Operation(summary = "Rename a location or change its count frequency; every change is audited")
  public CustodyViews.LocationView revise(@PathParam("id") long id, String body) {
    PlacePatch patch =
        PlacePatch.parse(
            body,
            java.util.Set.of("name", "countFrequencyDays"),
            "a location keeps its code (printed on labels), kind and parent; create a new one");
    String name = patch.has("name") ? patch.text("name", Location.NAME_MAX, false) : null;
    boolean frequencyGiven = patch.has("countFrequencyDays");
    Integer frequency = frequencyGiven ? patch.number("countFrequencyDays", 1, 3660) : null;
    Location l =
        places.reviseLocation(
            id,
            location -> {
              if (name != null) {
                location.rename(name);
              }
              if (frequencyGiven) {
                location.countEvery(frequency);
              }
            });
    return CustodyViews.LocationView.of(l);
  }

  static void require(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw ProblemException.invalid(field, "required, at most " + max + " characters");
    }
  }
}
