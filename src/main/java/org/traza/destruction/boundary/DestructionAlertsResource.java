package org.traza.destruction.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.destruction.control.Alerts;
import org.traza.destruction.control.Destructions;
import org.traza.destruction.entity.DestructionAlert;
import org.traza.registry.entity.Codes;
import org.traza.security.entity.Role;

/** What auditors must look at: alerts raised, and orders pending too long. */
@Tag(name = "Destruction")
@Path("destruction-alerts")
@RequestScoped
public class DestructionAlertsResource {

  @Inject Alerts alerts;
  @Inject Destructions destructions;

  public record AlertView(
      long id,
      String kind,
      Long firearmId,
      Long orderId,
      String detail,
      String actor,
      Instant at) {}

  public record PendingView(long orderId, String order, LocalDate plannedDate, int firearms) {}

  public record Anomalies(List<AlertView> alerts, List<PendingView> pendingTooLong) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.AUDITOR, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Alerts (destroyed firearms scanned or acted on again, self-approval attempts, site"
              + " scans that do not fit) and approved orders pending past destruction.pending-days")
  public Anomalies list(@QueryParam("kind") String kind) {
    return new Anomalies(
        alerts
            .list(null, null, Codes.parseOptional(DestructionAlert.Kind.class, "kind", kind))
            .stream()
            .map(
                a ->
                    new AlertView(
                        a.id(),
                        a.kind().name(),
                        a.firearmId(),
                        a.orderId(),
                        a.detail(),
                        a.actor(),
                        a.raisedAt()))
            .toList(),
        destructions.pendingTooLong().stream()
            .map(o -> new PendingView(o.id(), o.number(), o.plannedDate(), o.items().size()))
            .toList());
  }
}
