package org.traza.audit.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.audit.control.CheckpointKey;
import org.traza.audit.control.Checkpoints;
import org.traza.audit.entity.Checkpoint;
import org.traza.audit.entity.CheckpointNote;
import org.traza.platform.entity.Page;
import org.traza.platform.entity.Paging;
import org.traza.platform.entity.ProblemException;
import org.traza.security.entity.Role;

/**
 * Signed checkpoints of the audit log and the custody ledger (docs/tamper-evidence.md): take one,
 * list them, fetch one as JSON or as the raw signed note an auditor keeps, verify the database
 * against one, and the public key that checks them, without login.
 */
@Tag(
    name = "Checkpoints",
    description = "Signed checkpoints of the audit log and custody ledger (AUDITOR, ADMIN)")
@Path("checkpoints")
@RequestScoped
public class CheckpointsResource {

  /** The signed note's media type: plain UTF-8 text. */
  static final String NOTE = "text/plain;charset=utf-8;qs=0.5";

  @Inject Checkpoints checkpoints;
  @Inject CheckpointKey key;

  /** A checkpoint as JSON: what the note states, and the note itself. */
  public record CheckpointView(
      long number,
      Instant time,
      String takenBy,
      String origin,
      long treeSize,
      String rootHash,
      String previousHash,
      String noteHash,
      String keyName,
      String keyId,
      List<CheckpointNote.ChainHead> chains,
      CheckpointNote.Custody custody,
      String note) {

    static CheckpointView of(Checkpoint c) {
      CheckpointNote body = c.body();
      return new CheckpointView(
          c.number(),
          body.time(),
          c.takenBy(),
          body.origin(),
          body.treeSize(),
          body.rootHash(),
          body.previous(),
          c.noteHash(),
          c.keyName(),
          c.keyId(),
          body.chains(),
          body.custody(),
          c.note());
    }
  }

  /** The key that verifies checkpoints, in the forms verifiers take. */
  public record KeyView(
      String algorithm, String keyName, String keyId, String verifierKey, String publicKeyPem) {}

  /** What to verify: a stored checkpoint's number, or a signed note the auditor kept. */
  public static class VerifyBody {
    public Long number;

    @Size(max = Checkpoint.NOTE_MAX)
    public String note;
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.AUDITOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Take a signed checkpoint now: every audit chain's head, the custody ledger's root, the"
              + " previous checkpoint's hash (201, Location of the new checkpoint)")
  public Response take() {
    Checkpoint c = checkpoints.take();
    return Response.created(URI.create("/api/checkpoints/" + c.number()))
        .entity(CheckpointView.of(c))
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.AUDITOR, Role.Names.ADMIN})
  @Operation(summary = "Checkpoints, newest first (cursor: a checkpoint number), with the total")
  public Page<CheckpointView> list(
      @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
    Paging.checkLimit(limit, 500);
    List<Checkpoint> page = checkpoints.list(Paging.cursor(cursor), limit);
    String next = page.size() == limit ? String.valueOf(page.get(page.size() - 1).number()) : null;
    return new Page<>(page.stream().map(CheckpointView::of).toList(), next, checkpoints.count());
  }

  @GET
  @Path("latest")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.AUDITOR, Role.Names.ADMIN})
  @Operation(summary = "The latest checkpoint as JSON (404 before the first)")
  public CheckpointView latest() {
    return CheckpointView.of(
        checkpoints.latest().orElseThrow(() -> ProblemException.notFound("checkpoint", "latest")));
  }

  @GET
  @Path("latest")
  @Produces(NOTE)
  @RolesAllowed({Role.Names.AUDITOR, Role.Names.ADMIN})
  @Operation(summary = "The latest checkpoint as its signed note, a file for the auditor to keep")
  public Response latestNote() {
    return note(
        checkpoints.latest().orElseThrow(() -> ProblemException.notFound("checkpoint", "latest")));
  }

  @GET
  @Path("{number}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.AUDITOR, Role.Names.ADMIN})
  @Operation(summary = "One checkpoint as JSON: its chain heads, custody state and signed note")
  public CheckpointView get(@PathParam("number") long number) {
    return CheckpointView.of(stored(number));
  }

  @GET
  @Path("{number}")
  @Produces(NOTE)
  @RolesAllowed({Role.Names.AUDITOR, Role.Names.ADMIN})
  @Operation(summary = "One checkpoint as its signed note (C2SP tlog-checkpoint), to keep")
  public Response getNote(@PathParam("number") long number) {
    return note(stored(number));
  }

  @POST
  @Path("verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.AUDITOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "Verify the database against a checkpoint ({\"number\": n} stored, or {\"note\": \"…\"}"
              + " kept): signature, each audit chain at and after the checkpoint, the custody"
              + " ledger; every finding named")
  public Checkpoints.Verification verify(@Valid VerifyBody body) {
    if (body == null || (body.number == null) == (body.note == null)) {
      throw ProblemException.invalid("number", "give either number or note");
    }
    if (body.note != null) {
      return checkpoints.verify(body.note);
    }
    return checkpoints.verify(body.number.longValue());
  }

  @POST
  @Path("verify")
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.AUDITOR, Role.Names.ADMIN})
  @Operation(summary = "Verify the database against an uploaded signed checkpoint note")
  public Checkpoints.Verification verifyNote(String note) {
    if (note == null || note.isEmpty() || note.length() > Checkpoint.NOTE_MAX) {
      throw ProblemException.invalid("body", "upload the signed checkpoint note");
    }
    return checkpoints.verify(note);
  }

  @GET
  @Path("public-key")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(
      summary =
          "The Ed25519 key that verifies checkpoints: its note verifier key, id and PEM (no login)")
  public KeyView publicKey() {
    return new KeyView("Ed25519", key.name(), key.keyId(), key.verifierKey(), key.publicKeyPem());
  }

  @GET
  @Path("public-key")
  @Produces("application/x-pem-file;qs=0.5")
  @PermitAll
  @Operation(summary = "The checkpoint key as an X.509 PEM public key (no login)")
  public Response publicKeyPem() {
    return Response.ok(key.publicKeyPem(), "application/x-pem-file")
        .header("X-Key-Id", key.keyId())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"traza-checkpoint-" + key.keyId() + ".pub.pem\"")
        .build();
  }

  private Checkpoint stored(long number) {
    return checkpoints
        .find(number)
        .orElseThrow(() -> ProblemException.notFound("checkpoint", number));
  }

  private static Response note(Checkpoint c) {
    return Response.ok(c.note(), "text/plain;charset=utf-8")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"traza-checkpoint-" + c.number() + ".note\"")
        .build();
  }
}
