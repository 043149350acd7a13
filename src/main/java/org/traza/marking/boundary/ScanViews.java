package org.traza.marking.boundary;

import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.traza.marking.control.PayloadMatcher;
import org.traza.registry.boundary.FirearmDirectory.FirearmIdentity;
import org.traza.scanner.decode.DecodedSymbol;
import org.traza.scanner.payload.Giai;
import org.traza.scanner.payload.MarkingPayload;
import org.traza.scanner.payload.PlainIdentifier;
import org.traza.scanner.payload.TrazaMarking;
import org.traza.scanner.payload.UniqueItemIdentifier;

/** The JSON shapes of decoded photos and resolved texts. */
public final class ScanViews {

  private ScanViews() {}

  /** Text from a scanner or a keyboard. A class, not a record: Payara's OpenAPI needs fields. */
  public static class ResolveRequest {
    @Size(max = 1000)
    public String text;
  }

  public record PointView(double x, double y) {}

  /** A firearm as a scan lands on it; {@code href} is its record. */
  public record FirearmRef(
      long id, String href, String make, String model, String serial, boolean voided) {
    static FirearmRef of(FirearmIdentity f) {
      return new FirearmRef(
          f.id(),
          "/api/firearms/" + f.id(),
          f.makeName(),
          f.model(),
          f.serialAsMarked(),
          f.voided());
    }
  }

  /**
   * What a text says and which record it designates.
   *
   * @param format TRAZA_MARKING, ISO15434_UII, GS1_GIAI or PLAIN; null when unrecognised
   * @param fields the parsed content, by name
   */
  public record Resolution(
      String format,
      Map<String, Object> fields,
      String outcome,
      FirearmRef firearm,
      List<FirearmRef> candidates,
      List<String> differences) {

    static Resolution of(PayloadMatcher.Match match) {
      List<FirearmRef> refs = match.firearms().stream().map(FirearmRef::of).toList();
      return new Resolution(
          match.payload().map(ScanViews::format).orElse(null),
          match.payload().map(ScanViews::fields).orElse(Map.of()),
          match.outcome().name(),
          match.outcome() == PayloadMatcher.Outcome.MATCHED
                  || match.outcome() == PayloadMatcher.Outcome.MISMATCHED
              ? refs.stream().filter(r -> !r.voided()).findFirst().orElse(refs.get(0))
              : null,
          refs,
          match.differences());
    }
  }

  /** One symbol of a photo: where it is, what it says, which firearm it designates. */
  public record SymbolView(
      String symbology, String text, boolean gs1, List<PointView> corners, Resolution resolution) {}

  public record DecodeResult(
      int imageWidth, int imageHeight, long elapsedMillis, List<SymbolView> symbols) {}

  static SymbolView symbol(DecodedSymbol s, PayloadMatcher.Match match) {
    return new SymbolView(
        s.symbology().name(),
        s.text(),
        s.gs1(),
        s.corners().stream().map(p -> new PointView(round(p.x()), round(p.y()))).toList(),
        Resolution.of(match));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static String format(MarkingPayload p) {
    if (p instanceof TrazaMarking) {
      return "TRAZA_MARKING";
    }
    if (p instanceof UniqueItemIdentifier) {
      return "ISO15434_UII";
    }
    if (p instanceof Giai) {
      return "GS1_GIAI";
    }
    return "PLAIN";
  }

  static Map<String, Object> fields(MarkingPayload p) {
    Map<String, Object> f = new LinkedHashMap<>();
    if (p instanceof TrazaMarking m) {
      f.put("registryId", m.registryId());
      f.put("make", m.makeCode());
      f.put("countryOfManufacture", m.countryOfManufacture());
      f.put("yearOfManufacture", m.yearOfManufacture());
      f.put("serial", m.serial());
      f.put("importCountry", m.importCountry());
      f.put("importYear", m.importYear());
      f.put("agency", m.agency());
    } else if (p instanceof UniqueItemIdentifier u) {
      f.putAll(u.elements());
      f.put("uii", u.uii());
    } else if (p instanceof Giai g) {
      f.put("giai", g.value());
    } else if (p instanceof PlainIdentifier plain) {
      f.put("serial", plain.normalized());
    }
    f.values().removeIf(java.util.Objects::isNull);
    return f;
  }
}
