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
import org.traza.custody.entity.Holder;
import org.traza.custody.entity.HolderKind;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.entity.Codes;
import org.traza.security.entity.Role;

/** Officers, units, laboratories and courts that firearms are issued or lent to. */
@Tag(name = "Custody")
@Path("holders")
@RequestScoped
public class HoldersResource {

  @Inject Places places;
  @Inject RequestContext request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  public List<CustodyViews.HolderView> list() {
    return places.holders().stream().map(CustodyViews.HolderView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
  public Response create(CustodyViews.HolderRequest body) {
    if (body == null) {
      throw ProblemException.invalid("body", "required");
    }
    LocationsResource.require("code", body.code, Holder.CODE_MAX);
    LocationsResource.require("name", body.name, Holder.NAME_MAX);
    if (body.unit != null && body.unit.length() > Holder.NAME_MAX) {
      throw ProblemException.invalid("unit", "at most " + Holder.NAME_MAX + " characters");
    }
    HolderKind kind = Codes.parse(HolderKind.class, "kind", body.kind);
    Holder h =
        places.createHolder(
            body.code.trim().toUpperCase(Locale.ROOT),
            kind,
            body.name.trim(),
            body.unit,
            request.actor());
    return Response.created(URI.create("/api/holders/" + h.id()))
        .entity(CustodyViews.HolderView.of(h))
        .build();
  }

  /**
   * Corrects a holder's name or unit (a JSON merge patch; null clears the unit). The code and kind
   * stay: they are what custody events and issue lists name.
   */
  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, PlacePatch.MEDIA_TYPE})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(summary = "Correct a holder's name or unit; every change is audited")
  public CustodyViews.HolderView revise(@PathParam("id") long id, String body) {
    PlacePatch patch =
        PlacePatch.parse(
            body,
            java.util.Set.of("name", "unit"),
            "a holder keeps its code and kind (custody events name them); create a new one");
    String name = patch.has("name") ? patch.text("name", Holder.NAME_MAX, false) : null;
    boolean unitGiven = patch.has("unit");
    String unit = unitGiven ? patch.text("unit", Holder.NAME_MAX, true) : null;
    Holder h =
        places.reviseHolder(
            id,
            holder -> {
              if (name != null) {
                holder.rename(name);
              }
              if (unitGiven) {
                holder.assignUnit(unit);
              }
            });
    return CustodyViews.HolderView.of(h);
  }
}
