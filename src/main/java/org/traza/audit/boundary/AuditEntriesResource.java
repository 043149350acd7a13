package org.traza.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.audit.control.AuditTrail;
import org.traza.audit.entity.AuditEntry;
import org.traza.platform.entity.Page;
import org.traza.platform.entity.Paging;
import org.traza.security.entity.Role;

/** The audit log for auditors: filtered listing, newest first, and chain verification. */
@Tag(name = "Audit", description = "The append-only audit log and its verification (AUDITOR)")
@Path("audit-entries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.AUDITOR)
public class AuditEntriesResource {

  @Inject AuditTrail trail;

  /** An audit entry as auditors read it, hashes included so that they can check them. */
  public record EntryView(
      long id,
      Instant occurredAt,
      String actor,
      String action,
      String targetType,
      String targetId,
      String clientAddress,
      String outcome,
      String detail,
      String requestId,
      String previousHash,
      String entryHash) {

    static EntryView of(AuditEntry e) {
      return new EntryView(
          e.id(),
          e.occurredAt(),
          e.actor(),
          e.action(),
          e.targetType(),
          e.targetId(),
          e.clientAddress(),
          e.outcome(),
          e.detail(),
          e.requestId(),
          e.previousHash(),
          e.entryHash());
    }
  }

  @GET
  public Page<EntryView> list(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("targetType") String targetType,
      @QueryParam("targetId") String targetId,
      @QueryParam("outcome") String outcome,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    Paging.checkLimit(limit, 1000);
    List<AuditEntry> entries =
        trail.find(
            new AuditTrail.Filter(
                actor,
                action,
                targetType,
                targetId,
                outcome,
                org.traza.platform.entity.Params.instant("from", from),
                org.traza.platform.entity.Params.instant("to", to),
                Paging.cursor(cursor)),
            limit);
    String next =
        entries.size() == limit ? String.valueOf(entries.get(entries.size() - 1).id()) : null;
    return new Page<>(entries.stream().map(EntryView::of).toList(), next, null);
  }

  @GET
  @Path("verify")
  public AuditTrail.Verification verify() {
    return trail.verify();
  }
}
