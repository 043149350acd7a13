package org.traza.trace.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.trace.control.ExchangeSchema;

/** The published JSON Schema of trace exchange documents, for the systems that send them. */
@Tag(name = "Trace")
@Path("trace-exchange")
@RequestScoped
public class TraceExchangeResource {

  @GET
  @Path("schema")
  @Produces("application/schema+json")
  @PermitAll
  @Operation(
      summary =
          "The JSON Schema (2020-12) of a trace exchange document, version 1: public, like the"
              + " format it describes")
  public Response schema() {
    return Response.ok(ExchangeSchema.text(), "application/schema+json").build();
  }
}
