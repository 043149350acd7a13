package org.traza.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.entity.CountryCodes;
import org.traza.trace.entity.SerialQuery;
import org.traza.trace.entity.TraceRequest;

/**
 * The data-quality check before a trace request is filed: most traces that fail do so on bad
 * descriptions and serial problems, so errors (what the request cannot go without) and warnings
 * (what will likely make it fail, with the closest reference entries) are shown first.
 */
@ApplicationScoped
public class TraceRequestCheck {

  /** Serials read per make to learn the shapes its serials take. */
  static final int SHAPE_SAMPLE = 2000;

  @Inject FirearmDirectory firearms;

  /** The state whose registry this is: a weapon made elsewhere was imported. */
  @Inject
  @ConfigProperty(name = "trace.national-country")
  Optional<String> nationalCountry;

  /** One finding on one field; suggestions are the closest reference entries. */
  public record Finding(String field, String message, List<String> suggestions) {}

  public record Result(List<Finding> errors, List<Finding> warnings) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  public Result check(TraceRequest.Content c) {
    List<Finding> errors = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    required(errors, "requestingAuthority", c.requestingAuthority());
    required(errors, "contact", c.contact());
    required(errors, "caseReference", c.caseReference());
    required(errors, "legalBasis", c.legalBasis());
    required(errors, "illicitReason", c.illicitReason());
    if (c.requestingCountry() == null || !CountryCodes.isValid(c.requestingCountry())) {
      errors.add(
          new Finding("requestingCountry", "an ISO 3166 alpha-2 code is required", List.of()));
    }
    if (c.urgency() == null) {
      errors.add(new Finding("urgency", "ROUTINE or URGENT", List.of()));
    } else if (c.urgency() == TraceRequest.Urgency.URGENT
        && (c.urgencyJustification() == null || c.urgencyJustification().isBlank())) {
      errors.add(new Finding("urgencyJustification", "an urgent request says why", List.of()));
    }
    if ((c.serialAsRead() == null || c.serialAsRead().isBlank()) && !c.obliterated()) {
      errors.add(
          new Finding(
              "serialAsRead",
              "the serial as read, with ? where unreadable; or mark the serial obliterated",
              List.of()));
    }
    SerialQuery serial = null;
    if (c.serialAsRead() != null && !c.serialAsRead().isBlank()) {
      try {
        serial = SerialQuery.parse(c.serialAsRead());
      } catch (RuntimeException e) {
        errors.add(
            new Finding(
                "serialAsRead",
                "use letters, digits, '.', '/', ? for one unreadable character and * for several",
                List.of()));
      }
    }
    String make = reference(warnings, "weaponMake", "MAKE", c.weaponMake(), "make");
    reference(warnings, "weaponCalibre", "CALIBRE", c.weaponCalibre(), "calibre");
    if (c.weaponType() == null || c.weaponType().isBlank()) {
      errors.add(new Finding("weaponType", "required (pistol, revolver, rifle…)", List.of()));
    } else {
      reference(warnings, "weaponType", "TYPE", c.weaponType(), "firearm type");
    }
    if (c.weaponMake() == null || c.weaponMake().isBlank()) {
      warnings.add(new Finding("weaponMake", "without a make a trace rarely succeeds", List.of()));
    }
    if (make != null && serial != null) {
      Set<String> shapes = firearms.serialShapes(make, SHAPE_SAMPLE);
      String read = serial.normalized();
      if (!shapes.isEmpty() && shapes.stream().noneMatch(s -> fits(read, s))) {
        warnings.add(
            new Finding(
                "serialAsRead",
                "does not fit the serials registered for "
                    + make
                    + " ("
                    + shapes.size()
                    + " shape(s), letters as A, digits as 9): check for a misread",
                shapes.stream().limit(5).toList()));
      }
    }
    boolean imported =
        c.originCountry() != null
            && !c.originCountry().isBlank()
            && nationalCountry.map(n -> !n.equalsIgnoreCase(c.originCountry())).orElse(true);
    if (imported && (c.importer() == null || c.importer().isBlank())) {
      warnings.add(
          new Finding(
              "importer",
              "a weapon made in "
                  + c.originCountry()
                  + " was imported: traces of imported weapons go through the importer",
              List.of()));
    }
    return new Result(errors, warnings);
  }

  /**
   * Whether a serial read (with ? and *) fits a shape; a confusable letter may stand for a digit.
   */
  static boolean fits(String read, String shape) {
    StringBuilder regex = new StringBuilder();
    for (char c : read.toCharArray()) {
      regex.append(
          switch (c) {
            case '?' -> ".";
            case '*' -> ".*";
            default ->
                org.traza.scanner.payload.SerialNumbers.fold(c) != c
                    ? "[A9]"
                    : Character.isLetter(c) ? "A" : Character.isDigit(c) ? "9" : "\\" + c;
          });
    }
    return shape.matches(regex.toString());
  }

  private static void required(List<Finding> errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(new Finding(field, "required", List.of()));
    }
  }

  /**
   * The reference code {@code value} names (by code or name), or a warning with the three closest
   * entries.
   */
  private String reference(
      List<Finding> warnings, String field, String kind, String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim().toUpperCase(Locale.ROOT);
    List<FirearmDirectory.Reference> entries = firearms.reference(kind);
    for (FirearmDirectory.Reference e : entries) {
      if (e.code().equalsIgnoreCase(v) || e.name().equalsIgnoreCase(value.trim())) {
        return e.code();
      }
    }
    List<String> closest =
        entries.stream()
            .sorted(
                Comparator.comparingInt(
                    (FirearmDirectory.Reference e) ->
                        Math.min(
                            SerialQuery.editDistance(v, e.code().toUpperCase(Locale.ROOT)),
                            SerialQuery.editDistance(v, e.name().toUpperCase(Locale.ROOT)))))
            .limit(3)
            .map(e -> e.code() + " (" + e.name() + ")")
            .toList();
    warnings.add(new Finding(field, "unknown " + what + " '" + value.trim() + "'", closest));
    return null;
  }
}
