package org.traza.custody.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.custody.control.CustodyLedger;
import org.traza.security.entity.Role;

/** Proof for auditors that no custody event was altered, removed or slipped in. */
@Tag(name = "Custody")
@Path("custody/verify")
@RequestScoped
public class CustodyVerificationResource {

  @Inject CustodyLedger ledger;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.AUDITOR)
  @Operation(
      summary =
          "Recompute every firearm's custody chain against its head and the hashes the audit log"
              + " recorded; every break listed (the first hundred, all counted), the first also"
              + " alone")
  public CustodyLedger.Verification verify() {
    return ledger.verify();
  }
}
