package org.traza.marking.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.marking.control.MarkingVerifications;
import org.traza.marking.control.ScanDecoder;
import org.traza.marking.entity.MarkingVerification;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.registry.boundary.FirearmDirectory.MarkingIdentity;
import org.traza.scanner.decode.DecodedSymbol;
import org.traza.security.entity.Role;

/** Verifying a physical mark by scanning it, and the verifications on record. */
@Tag(name = "Markings")
@Path("firearms/{id}/markings/{markingId}/verifications")
@RequestScoped
public class MarkingVerificationsResource {

  @Inject MarkingVerifications verifications;
  @Inject ScanDecoder decoder;
  @Inject RequestContext request;

  /** Text from a scanner. A class: Payara's OpenAPI needs fields. */
  public static class ScannedText {
    @Size(max = 1000)
    public String text;

    /** DATA_MATRIX, QR_CODE or CODE_128, as the scanner reports it; optional. */
    @Size(max = 20)
    public String symbology;
  }

  public record VerificationView(
      long id,
      long firearmId,
      long markingId,
      String scannedText,
      String symbology,
      String source,
      String photoSha256,
      Instant verifiedAt,
      String verifiedBy) {
    static VerificationView of(MarkingVerification v) {
      return new VerificationView(
          v.id(),
          v.firearmId(),
          v.markingId(),
          v.scannedText(),
          v.symbology(),
          v.source().name(),
          v.photoSha256(),
          v.verifiedAt(),
          v.verifiedBy());
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(summary = "Verify a mark with the text a scanner read from it")
  public Response byScanner(
      @PathParam("id") long id, @PathParam("markingId") long markingId, ScannedText body) {
    if (body == null || body.text == null || body.text.isBlank()) {
      throw ProblemException.invalid("text", "must not be blank");
    }
    if (body.text.length() > MarkingVerification.TEXT_MAX) {
      throw ProblemException.invalid(
          "text", "at most " + MarkingVerification.TEXT_MAX + " characters");
    }
    return created(
        verifications.verify(
            id,
            markingId,
            body.text,
            body.symbology,
            MarkingVerification.Source.SCANNER,
            null,
            request.actor()));
  }

  @POST
  @Consumes({"image/png", "image/jpeg", "image/webp"})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(summary = "Verify a mark with a photo of it: one symbol in it must verify the mark")
  public Response byPhoto(
      @PathParam("id") long id,
      @PathParam("markingId") long markingId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
      byte[] photo) {
    MarkingIdentity marking = verifications.marking(id, markingId);
    List<DecodedSymbol> symbols = decoder.decode(photo, type).symbols();
    if (symbols.isEmpty()) {
      throw new ProblemException(
          ProblemType.MARKING_MISMATCH,
          "No Data Matrix, QR or Code 128 symbol was found in the photo.");
    }
    DecodedSymbol verifying =
        symbols.stream()
            .filter(s -> verifications.disagreement(marking, s.payloadText()) == null)
            .findFirst()
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.MARKING_MISMATCH,
                        "No symbol in the photo verifies mark "
                            + markingId
                            + ": "
                            + verifications.disagreement(marking, symbols.get(0).payloadText())
                            + "."));
    return created(
        verifications.verify(
            id,
            markingId,
            verifying.payloadText(),
            verifying.symbology().name(),
            MarkingVerification.Source.PHOTO,
            org.traza.platform.entity.Sha256.hex(photo),
            request.actor()));
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(summary = "The verifications of a mark, oldest first")
  public List<VerificationView> list(
      @PathParam("id") long id, @PathParam("markingId") long markingId) {
    return verifications.of(id, markingId).stream().map(VerificationView::of).toList();
  }

  private static Response created(MarkingVerification v) {
    return Response.created(
            URI.create(
                "/api/firearms/"
                    + v.firearmId()
                    + "/markings/"
                    + v.markingId()
                    + "/verifications/"
                    + v.id()))
        .entity(VerificationView.of(v))
        .build();
  }
}
