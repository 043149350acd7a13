package org.traza.marking.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.marking.control.FirearmMarkings;
import org.traza.marking.control.LabelSheets;
import org.traza.marking.control.SymbolRenderer;
import org.traza.marking.entity.LabelContent;
import org.traza.marking.entity.LabelLayout;
import org.traza.marking.entity.Symbology;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.boundary.FirearmDirectory.FirearmIdentity;
import org.traza.security.entity.Role;

/** PDF sheets of marking labels for a batch of firearms. */
@Tag(name = "Markings")
@Path("marking-labels")
@RequestScoped
public class MarkingLabelsResource {

  public static final int MAX_LABELS = 5000;
  private static final System.Logger LOG = System.getLogger(MarkingLabelsResource.class.getName());

  @Inject FirearmDirectory firearms;
  @Inject FirearmMarkings markings;
  @Inject LabelSheets sheets;
  @Inject Event<ActionPerformed> actions;
  @Inject Clock clock;
  @Inject org.traza.platform.control.RequestContext context;

  /** Which firearms, and how the sheet is laid out. A class: Payara's OpenAPI needs fields. */
  public static class LabelRequest {
    /** These records, in this order; or else {@link #filter}. */
    public List<Long> firearmIds;

    public Filter filter;

    /** DATAMATRIX (default), QR or CODE128. */
    @Size(max = 20)
    public String symbology;

    /** A4 (default) or LETTER. */
    @Size(max = 40)
    public String page;

    public Integer columns;
    public Integer rows;
    public Double labelWidthMm;
    public Double labelHeightMm;
    public Double marginLeftMm;
    public Double marginTopMm;
    public Double gapXMm;
    public Double gapYMm;
  }

  /** Live records matching all given fields (serial may end in '*' for a prefix). */
  public static class Filter {
    @Size(max = 100)
    public String serial;

    @Size(max = 40)
    public String make;

    @Size(max = 100)
    public String model;

    @Size(max = 40)
    public String type;

    @Size(max = 40)
    public String status;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces("application/pdf")
  @RolesAllowed({Role.Names.ARMOURER, Role.Names.SUPERVISOR, Role.Names.ADMIN})
  @Operation(
      summary =
          "A PDF sheet of labels (symbol + make, model, serial, registry number) for firearms")
  public Response labels(LabelRequest request) {
    if (request == null) {
      throw ProblemException.invalid("body", "name firearmIds or a filter");
    }
    Symbology symbology = symbology(request.symbology);
    LabelLayout layout = layout(request);
    List<FirearmIdentity> selected = select(request);
    if (selected.isEmpty()) {
      throw ProblemException.invalid("firearmIds", "no live firearm record matches");
    }
    List<LabelContent> labels = new ArrayList<>(selected.size());
    for (FirearmIdentity f : selected) {
      String caption = f.makeName() + (f.model() == null ? "" : " " + f.model());
      labels.add(new LabelContent(f.id(), markings.of(f).encode(), caption, f.serialAsMarked()));
    }
    actions.fire(
        ActionPerformed.of(
            AuditAction.MARKING_LABELS_PRINTED,
            labels.size() == 1 ? labels.get(0).registryId() : "batch",
            labels.size()
                + " labels ("
                + symbology
                + "): "
                + truncate(
                    labels.stream()
                        .map(l -> String.valueOf(l.registryId()))
                        .collect(Collectors.joining(",")))));
    int total = labels.size();
    StreamingOutput pdf =
        out ->
            sheets.write(
                labels,
                symbology,
                layout,
                out,
                done -> {
                  if (total >= 500 && (done % 500 < layout.perPage() || done == total)) {
                    LOG.log(Level.INFO, "marking labels: {0} of {1} drawn", done, total);
                  }
                });
    return Response.ok(pdf, "application/pdf")
        .header(
            "Content-Disposition",
            "attachment; filename=\"traza-labels-" + LocalDate.now(clock) + ".pdf\"")
        .header("X-Label-Count", total)
        .build();
  }

  private List<FirearmIdentity> select(LabelRequest request) {
    boolean byIds = request.firearmIds != null && !request.firearmIds.isEmpty();
    if (byIds == (request.filter != null)) {
      throw ProblemException.invalid("firearmIds", "name either firearmIds or a filter");
    }
    if (byIds) {
      if (request.firearmIds.size() > MAX_LABELS) {
        throw ProblemException.invalid("firearmIds", "at most " + MAX_LABELS + " labels a sheet");
      }
      if (request.firearmIds.stream().anyMatch(id -> id == null || id <= 0)) {
        throw ProblemException.invalid("firearmIds", "must be positive registry numbers");
      }
      List<FirearmIdentity> found =
          firearms.findAll(request.firearmIds).stream().filter(f -> !f.voided()).toList();
      if (found.size() < request.firearmIds.stream().distinct().count()) {
        List<Long> missing = new ArrayList<>(request.firearmIds);
        missing.removeAll(found.stream().map(FirearmIdentity::id).toList());
        throw ProblemException.invalid(
            "firearmIds", "no live record for " + truncate(missing.toString()));
      }
      List<Long> elsewhere =
          found.stream()
              .filter(x -> !context.inScope(x.locationId()))
              .map(FirearmIdentity::id)
              .toList();
      if (!elsewhere.isEmpty()) {
        throw new ProblemException(
            org.traza.platform.entity.ProblemType.OUTSIDE_ARMOURY,
            "Firearms "
                + truncate(elsewhere.toString())
                + " are recorded at another armoury; labels are printed only for your own.");
      }
      return found;
    }
    Filter f = request.filter;
    List<FirearmIdentity> found =
        firearms.search(
            f.serial,
            f.make,
            f.model,
            f.type,
            f.status,
            context.scope().orElse(null),
            MAX_LABELS + 1);
    if (found.size() > MAX_LABELS) {
      throw ProblemException.invalid(
          "filter", "more than " + MAX_LABELS + " firearms match; narrow the filter");
    }
    return found;
  }

  private static Symbology symbology(String name) {
    if (name == null || name.isBlank()) {
      return Symbology.DATAMATRIX;
    }
    try {
      return SymbolRenderer.symbology(name);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "symbology", "use one of " + Arrays.toString(Symbology.values()));
    }
  }

  private static LabelLayout layout(LabelRequest r) {
    LabelLayout d = LabelLayout.DEFAULT;
    try {
      return new LabelLayout(
          r.page == null ? d.page() : r.page.trim().toUpperCase(java.util.Locale.ROOT),
          r.columns == null ? d.columns() : r.columns,
          r.rows == null ? d.rows() : r.rows,
          r.labelWidthMm == null ? d.labelWidthMm() : r.labelWidthMm,
          r.labelHeightMm == null ? d.labelHeightMm() : r.labelHeightMm,
          r.marginLeftMm == null ? d.marginLeftMm() : r.marginLeftMm,
          r.marginTopMm == null ? d.marginTopMm() : r.marginTopMm,
          r.gapXMm == null ? d.gapXMm() : r.gapXMm,
          r.gapYMm == null ? d.gapYMm() : r.gapYMm);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("layout", e.getMessage());
    }
  }

  private static String truncate(String s) {
    return s.length() <= 900 ? s : s.substring(0, 899) + "\u2026";
  }
}
