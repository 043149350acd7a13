package org.traza.marking.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.marking.control.PayloadMatcher;
import org.traza.marking.control.ScanDecoder;
import org.traza.platform.entity.ProblemException;
import org.traza.security.entity.Role;

/** From a photo or a scanner's text to the firearm it designates. */
@Tag(name = "Scans", description = "Decode photos of markings and resolve scanned text")
@Path("scans")
@RequestScoped
public class ScansResource {

  /** The longest text accepted from a scanner (a UII is at most 50 characters plus envelope). */
  public static final int MAX_TEXT = 500;

  @Inject ScanDecoder decoder;
  @Inject PayloadMatcher matcher;
  @Inject org.traza.registry.boundary.FirearmDirectory firearms;
  @Inject org.traza.platform.control.RequestContext request;
  @Inject org.traza.platform.control.Confinement confinement;

  /**
   * A scan that designates a firearm on record as destroyed is an alert for auditors. A match
   * recorded at another armoury is not shown to a request confined to its own.
   */
  private PayloadMatcher.Match watched(PayloadMatcher.Match m, String how) {
    for (var f : m.firearms()) {
      confinement.require(f.locationId(), "The scanned firearm");
    }
    if (m.firearms().size() == 1) {
      firearms.seen(m.firearms().get(0).id(), how, request.actor());
    }
    return m;
  }

  @POST
  @Path("decode")
  @Consumes({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(
      summary = "Every Data Matrix, QR and Code 128 symbol in a photo, each resolved to a firearm")
  public ScanViews.DecodeResult decode(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, byte[] image) {
    ScanDecoder.Decoded decoded = decoder.decode(image, type);
    return new ScanViews.DecodeResult(
        decoded.width(),
        decoded.height(),
        decoded.elapsedMillis(),
        decoded.symbols().stream()
            .map(s -> ScanViews.symbol(s, watched(matcher.match(s.payloadText()), "photo decoded")))
            .toList());
  }

  @POST
  @Path("resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(summary = "The format, content and firearm of a text from a scanner or keyboard")
  public ScanViews.Resolution resolve(ScanViews.ResolveRequest body) {
    if (body == null || body.text == null || body.text.isBlank()) {
      throw ProblemException.invalid("text", "must not be blank");
    }
    if (body.text.length() > MAX_TEXT) {
      throw ProblemException.invalid("text", "at most " + MAX_TEXT + " characters");
    }
    return ScanViews.Resolution.of(watched(matcher.match(body.text), "scanner text resolved"));
  }
}
