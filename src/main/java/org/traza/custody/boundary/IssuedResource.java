package org.traza.custody.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.Paging;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.security.entity.Role;

/** Firearms out with holders, and the ones overdue. */
@Tag(name = "Custody")
@Path("custody")
@RequestScoped
public class IssuedResource {

  @Inject FirearmDirectory firearms;
  @Inject Clock clock;
  @Inject RequestContext request;

  @GET
  @Path("issued")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(
      summary =
          "Firearms issued or on loan, oldest expected return first; overdue=true: only those past"
              + " their expected return")
  public List<CustodyViews.HoldingView> issued(
      @QueryParam("overdue") @DefaultValue("false") boolean overdue,
      @QueryParam("limit") @DefaultValue("1000") int limit) {
    Paging.checkLimit(limit, 10_000);
    return firearms
        .withHolders(overdue ? clock.instant() : null, request.scope().orElse(null), limit)
        .stream()
        .map(CustodyViews.HoldingView::of)
        .toList();
  }

  @GET
  @Path("in-transit")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(
      summary =
          "Firearms dispatched and not yet received (recorded at their destination), by expected"
              + " arrival; overdue=true: only those past it")
  public List<CustodyViews.HoldingView> inTransit(
      @QueryParam("overdue") @DefaultValue("false") boolean overdue,
      @QueryParam("limit") @DefaultValue("1000") int limit) {
    Paging.checkLimit(limit, 10_000);
    return firearms
        .inTransit(overdue ? clock.instant() : null, request.scope().orElse(null), limit)
        .stream()
        .map(CustodyViews.HoldingView::of)
        .toList();
  }
}
