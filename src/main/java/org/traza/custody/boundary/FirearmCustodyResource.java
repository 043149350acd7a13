package org.traza.custody.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.custody.control.CustodyLedger;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.security.entity.Role;

/** A firearm's custody timeline. */
@Tag(name = "Custody")
@Path("firearms/{id}/custody-events")
@RequestScoped
public class FirearmCustodyResource {

  @Inject CustodyLedger ledger;
  @Inject FirearmDirectory firearms;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(summary = "Every custody event of a firearm, oldest first, with its chain hashes")
  public List<CustodyViews.EventView> timeline(@PathParam("id") long id) {
    if (firearms.find(id).isEmpty()) {
      throw ProblemException.notFound("firearm", id);
    }
    return ledger.timeline(id).stream().map(CustodyViews.EventView::of).toList();
  }

  @GET
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(
      summary =
          "Recompute this firearm's custody chain against its head and the audit log: intact, or"
              + " every break (GET /api/custody/verify checks every chain)")
  public CustodyLedger.Verification verify(@PathParam("id") long id) {
    if (firearms.find(id).isEmpty()) {
      throw ProblemException.notFound("firearm", id);
    }
    return ledger.verifyFirearm(id);
  }
}
