package org.traza.destruction.boundary;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.destruction.control.CertificateVerifier;
import org.traza.destruction.control.Destructions;
import org.traza.destruction.control.SigningKey;
import org.traza.destruction.entity.DestructionCertificate;
import org.traza.platform.entity.ProblemException;
import org.traza.security.entity.Role;

/** Signed destruction certificates: download, verify by number or by upload, the public key. */
@Tag(name = "Destruction")
@Path("destruction-certificates")
@RequestScoped
public class DestructionCertificatesResource {

  @Inject Destructions destructions;
  @Inject CertificateVerifier verifier;
  @Inject SigningKey key;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.ADMIN, Role.Names.AUDITOR})
  @Operation(summary = "Certificates issued in [from, to) (ISO-8601 instants), newest first")
  public List<DestructionViews.CertificateView> list(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    return destructions
        .certificates(
            org.traza.platform.entity.Params.instant("from", from),
            org.traza.platform.entity.Params.instant("to", to))
        .stream()
        .map(DestructionViews.CertificateView::of)
        .toList();
  }

  @GET
  @Path("public-key")
  @Produces("application/x-pem-file")
  @PermitAll
  @Operation(
      summary =
          "The Ed25519 public key that verifies certificates offline (docs/destruction-certificates.md)")
  public Response publicKey() {
    return Response.ok(key.publicKeyPem())
        .header("X-Key-Id", key.keyId())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"traza-destruction-" + key.keyId() + ".pub.pem\"")
        .build();
  }

  @GET
  @Path("{number}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  public DestructionViews.CertificateView get(@PathParam("number") String number) {
    return DestructionViews.CertificateView.of(destructions.certificate(number));
  }

  @GET
  @Path("{number}/pdf")
  @Produces("application/pdf")
  @RolesAllowed(Role.Names.ANY_ROLE)
  public Response pdf(@PathParam("number") String number) {
    DestructionCertificate c = destructions.certificate(number);
    return Response.ok(c.pdf())
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + c.number() + ".pdf\"")
        .header("X-Manifest-Sha256", c.manifestSha256())
        .build();
  }

  @GET
  @Path("{number}/verify")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(
      summary =
          "Verify a certificate on record: manifest hash, signature, and each firearm's custody"
              + " chain ending in DESTROY")
  public CertificateVerifier.Result verify(@PathParam("number") String number) {
    return verifier.byNumber(number);
  }

  @POST
  @Path("verify")
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(
      summary =
          "Verify an uploaded certificate PDF: its signed manifest, that it is byte for byte the"
              + " PDF issued, and each firearm's custody chain")
  public CertificateVerifier.Result verifyPdf(byte[] pdf) {
    if (pdf == null || pdf.length == 0) {
      throw ProblemException.invalid("body", "upload the certificate PDF");
    }
    return verifier.pdf(pdf);
  }
}
