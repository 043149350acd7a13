package org.traza.marking.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.marking.control.FirearmMarkings;
import org.traza.marking.control.SymbolRenderer;
import org.traza.marking.entity.SymbolFormat;
import org.traza.marking.entity.SymbolSpec;
import org.traza.marking.entity.Symbology;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.entity.Codes;
import org.traza.security.entity.Role;

/** The symbol to engrave on, or stick to, a registered firearm. */
@Tag(
    name = "Markings",
    description = "Symbols for firearms: Data Matrix, QR, Code 128 as PNG or SVG")
@Path("firearms/{id}/marking")
@RequestScoped
public class FirearmMarkingResource {

  @Inject FirearmDirectory firearms;
  @Inject FirearmMarkings markings;
  @Inject SymbolRenderer renderer;

  @GET
  @Produces({"image/png", "image/svg+xml", "application/zpl"})
  @RolesAllowed(Role.Names.ANY_ROLE)
  public Response symbol(
      @PathParam("id") long id,
      @QueryParam("symbology") @DefaultValue("DATAMATRIX") String symbology,
      @QueryParam("format") @DefaultValue("png") String format,
      @QueryParam("moduleSize") @DefaultValue("8") int moduleSize,
      @QueryParam("shape") @DefaultValue("square") String shape,
      @QueryParam("ecc") @DefaultValue("M") String ecc,
      @QueryParam("sizeMm") Double sizeMm,
      @QueryParam("dpi") Integer dpi,
      @QueryParam("payload") @DefaultValue("TZ1") String payloadKind) {
    SymbolSpec spec = spec(symbology, format, moduleSize, shape, ecc, sizeMm, dpi);
    var firearm = firearms.find(id).orElseThrow(() -> ProblemException.notFound("firearm", id));
    String payload;
    try {
      payload = markings.payload(firearm, kind(payloadKind)).encode();
    } catch (IllegalStateException e) {
      throw ProblemException.invalid("payload", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "payload", "this record does not fit " + payloadKind + ": " + e.getMessage());
    }
    SymbolRenderer.Rendered symbol;
    try {
      symbol = renderer.render(payload, spec);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          e.getMessage().contains(" dpi") ? "sizeMm" : "symbology", e.getMessage());
    }
    return Response.ok(symbol.bytes(), symbol.mediaType())
        // control characters (UII, GS1) travel in the header as \\u escapes
        .header("X-Marking-Payload", headerSafe(payload))
        .header("X-Symbol-Modules", symbol.modulesWide() + "x" + symbol.modulesHigh())
        .header(
            "X-Symbol-Size-Mm",
            String.format(
                Locale.ROOT, "%.2f", SymbolRenderer.printedSizeMm(spec, symbol.modulesWide())))
        .build();
  }

  private static FirearmMarkings.PayloadKind kind(String name) {
    return Codes.parse(FirearmMarkings.PayloadKind.class, "payload", name);
  }

  private static String headerSafe(String payload) {
    StringBuilder out = new StringBuilder(payload.length());
    for (char c : payload.toCharArray()) {
      if (c < 0x20 || c > 0x7E) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static SymbolSpec spec(
      String symbology,
      String format,
      int moduleSize,
      String shape,
      String ecc,
      Double sizeMm,
      Integer dpi) {
    Symbology s;
    try {
      s = SymbolRenderer.symbology(symbology);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "symbology", "use one of " + Arrays.toString(Symbology.values()));
    }
    SymbolFormat f;
    try {
      f = SymbolFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("format", "use png, svg or zpl");
    }
    if (!shape.equalsIgnoreCase("square") && !shape.equalsIgnoreCase("rectangle")) {
      throw ProblemException.invalid("shape", "use square or rectangle");
    }
    try {
      return new SymbolSpec(
          s,
          f,
          moduleSize,
          shape.equalsIgnoreCase("rectangle"),
          ecc.trim().toUpperCase(Locale.ROOT),
          sizeMm,
          dpi != null ? dpi : f == SymbolFormat.ZPL ? 203 : 300);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      String field =
          m.startsWith("moduleSize")
              ? "moduleSize"
              : m.startsWith("sizeMm") ? "sizeMm" : m.startsWith("dpi") ? "dpi" : "ecc";
      throw ProblemException.invalid(field, m);
    }
  }
}
