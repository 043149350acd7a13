package org.traza.stockpile.boundary;

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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.entity.Codes;
import org.traza.security.entity.Role;
import org.traza.stockpile.control.StockCounts;
import org.traza.stockpile.entity.Discrepancy;

/** The cases that stock counts open, and their resolution. */
@Tag(name = "Stock counts")
@Path("discrepancies")
@RequestScoped
public class DiscrepanciesResource {

  @Inject StockCounts counts;
  @Inject RequestContext request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(summary = "Discrepancy cases, by count and status (OPEN, RESOLVED)")
  public List<StockCountViews.DiscrepancyView> list(
      @QueryParam("stockCountId") Long stockCountId, @QueryParam("status") String status) {
    Discrepancy.Status s = Codes.parseOptional(Discrepancy.Status.class, "status", status);
    return counts.discrepancies(stockCountId, s, request.scope().orElse(null)).stream()
        .map(StockCountViews.DiscrepancyView::of)
        .toList();
  }

  @POST
  @Path("{id}/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Resolve a case: FOUND, RECORD_CORRECTED, or REPORTED_LOST / REPORTED_STOLEN, which also"
              + " moves the firearm to LOST / STOLEN through a custody event")
  public StockCountViews.DiscrepancyView resolve(
      @PathParam("id") long id, StockCountViews.ResolveRequest body) {
    if (body == null) {
      throw ProblemException.invalid("resolution", "required");
    }
    if (body.note != null && body.note.length() > Discrepancy.TEXT_MAX) {
      throw ProblemException.invalid("note", "at most " + Discrepancy.TEXT_MAX + " characters");
    }
    Discrepancy.Resolution how =
        Codes.parse(Discrepancy.Resolution.class, "resolution", body.resolution);
    counts.discrepancy(id);
    return StockCountViews.DiscrepancyView.of(counts.resolve(id, how, body.note, request.actor()));
  }
}
