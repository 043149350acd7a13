package org.traza.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.audit.control.AuditTrail;
import org.traza.audit.entity.AuditEntry;
import org.traza.platform.entity.Csv;
import org.traza.platform.entity.Page;
import org.traza.platform.entity.Paging;
import org.traza.platform.entity.Params;
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
      int chain,
      long position,
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
          e.chain(),
          e.position(),
          e.previousHash(),
          e.entryHash());
    }
  }

  /** The filters of the listing and the export; null means "any". */
  public static class Selection {
    @QueryParam("actor")
    String actor;

    @QueryParam("action")
    String action;

    @QueryParam("targetType")
    String targetType;

    @QueryParam("targetId")
    String targetId;

    @QueryParam("outcome")
    String outcome;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    /** The request an entry was written for (its X-Request-Id): what one call left on record. */
    @QueryParam("requestId")
    String requestId;

    /** The filter, continuing after the entry {@code before} (a cursor) when given. */
    AuditTrail.Filter filter(Long before) {
      return new AuditTrail.Filter(
          actor,
          action,
          targetType,
          targetId,
          outcome,
          Params.instant("from", from),
          Params.instant("to", to),
          requestId,
          before);
    }
  }

  @GET
  public Page<EntryView> list(
      @BeanParam Selection selection,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    Paging.checkLimit(limit, 1000);
    List<AuditEntry> entries = trail.find(selection.filter(Paging.cursor(cursor)), limit);
    String next =
        entries.size() == limit ? String.valueOf(entries.get(entries.size() - 1).id()) : null;
    return new Page<>(entries.stream().map(EntryView::of).toList(), next, null);
  }

  /** Rows read per query by the export, whatever the number of entries. */
  static final int EXPORT_PAGE = 1000;

  static final String CSV_HEADER =
      Csv.row(
          "id",
          "occurred_at",
          "actor",
          "action",
          "target_type",
          "target_id",
          "client_address",
          "outcome",
          "detail",
          "request_id",
          "chain",
          "position",
          "previous_hash",
          "entry_hash");

  @GET
  @Path("export")
  @Produces("text/csv")
  @Operation(
      summary =
          "The entries the same filters select, newest first, as CSV with their hashes; streamed"
              + " a thousand rows at a time")
  public Response export(@BeanParam Selection selection) {
    selection.filter(null); // a malformed date is a 400 before the first byte is sent
    StreamingOutput body =
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          w.write(CSV_HEADER);
          Long after = null;
          List<AuditEntry> page;
          do {
            page = trail.find(selection.filter(after), EXPORT_PAGE);
            for (AuditEntry e : page) {
              EntryView v = EntryView.of(e);
              w.write(
                  Csv.row(
                      v.id(),
                      v.occurredAt(),
                      v.actor(),
                      v.action(),
                      v.targetType(),
                      v.targetId(),
                      v.clientAddress(),
                      v.outcome(),
                      v.detail(),
                      v.requestId(),
                      v.chain(),
                      v.position(),
                      v.previousHash(),
                      v.entryHash()));
              after = e.id();
            }
            w.flush();
          } while (page.size() == EXPORT_PAGE);
        };
    return Response.ok(body)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
        .build();
  }

  /** One kind of entry: its action code, the kind of record it names, what it means. */
  public record ActionView(String action, String targetType, String description) {}

  @GET
  @Path("actions")
  @Operation(
      summary =
          "The catalogue of every action the log records (code, target type, meaning); entries"
              + " written before the catalogue keep their old names")
  public java.util.List<ActionView> actions() {
    return java.util.Arrays.stream(org.traza.platform.entity.AuditAction.values())
        .map(a -> new ActionView(a.code(), a.targetType(), a.description()))
        .toList();
  }

  @GET
  @Path("verify")
  @Operation(
      summary =
          "Recomputes every chain of the log in one snapshot: intact, or every break (the first"
              + " hundred listed, all counted; the earliest also alone: entry id, chain, position,"
              + " reason); headHash is one SHA-256 over all chain heads")
  public AuditTrail.Verification verify() {
    return trail.verify();
  }
}
