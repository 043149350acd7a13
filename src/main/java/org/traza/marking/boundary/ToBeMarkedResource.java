package org.traza.marking.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.platform.entity.Page;
import org.traza.platform.entity.Paging;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.boundary.FirearmDirectory.ToBeMarked;
import org.traza.security.entity.Role;

/** Firearms that must be marked before they may be released: the armourers' work list. */
@Tag(name = "Markings")
@Path("firearms/to-be-marked")
@RequestScoped
public class ToBeMarkedResource {

  @Inject FirearmDirectory firearms;
  @Inject org.traza.platform.control.RequestContext request;

  public record Item(
      long id,
      String href,
      String make,
      String model,
      String serial,
      String provenance,
      String missingMarking) {
    static Item of(ToBeMarked t) {
      var f = t.firearm();
      return new Item(
          f.id(),
          "/api/firearms/" + f.id(),
          f.makeName(),
          f.model(),
          f.serialAsMarked(),
          t.provenance(),
          t.missingMarking());
    }
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(
      summary =
          "Imported, seized and state-transferred firearms that lack the mark their provenance"
              + " requires (oldest first)")
  public Page<Item> list(
      @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("cursor") String cursor) {
    Paging.checkLimit(limit, 500);
    List<ToBeMarked> found =
        firearms.toBeMarked(Paging.cursor(cursor), request.scope().orElse(null), limit);
    String next =
        found.size() == limit ? String.valueOf(found.get(found.size() - 1).firearm().id()) : null;
    return new Page<>(found.stream().map(Item::of).toList(), next, null);
  }
}
