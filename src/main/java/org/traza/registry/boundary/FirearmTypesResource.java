package org.traza.registry.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.registry.entity.FirearmType;
import org.traza.security.entity.Role;

/** Kinds of firearm. */
@Tag(name = "Reference data", description = "Makes, calibres and firearm types")
@Path("firearm-types")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FirearmTypesResource extends ReferenceResource<FirearmType> {

  @Override
  protected Class<FirearmType> type() {
    return FirearmType.class;
  }

  @Override
  protected String path() {
    return "firearm-types";
  }

  @Override
  protected FirearmType newEntry(EntryRequest body) {
    return new FirearmType(body.code, body.name, reference.now(), request.actor());
  }

  @GET
  @RolesAllowed(Role.Names.ANY_ROLE)
  public List<FirearmViews.Ref> all(@QueryParam("q") String query) {
    return list(query);
  }

  @GET
  @Path("{code}")
  @RolesAllowed(Role.Names.ANY_ROLE)
  public FirearmViews.Ref one(@PathParam("code") String code) {
    return get(code);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ADMIN)
  public Response create(@NotNull @Valid EntryRequest body) {
    return add(body);
  }

  @PUT
  @Path("{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ADMIN)
  public FirearmViews.Ref change(
      @PathParam("code") String code, @NotNull @Valid EntryRequest body) {
    return update(code, body);
  }
}
