package org.traza.marking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.registry.boundary.FirearmDirectory.FirearmIdentity;
import org.traza.scanner.payload.Giai;
import org.traza.scanner.payload.MarkingPayload;
import org.traza.scanner.payload.PlainIdentifier;
import org.traza.scanner.payload.TrazaMarking;
import org.traza.scanner.payload.UniqueItemIdentifier;

/**
 * The payloads a firearm record can be marked with: the Traza marking (TZ1), an ISO/IEC 15434
 * unique item identifier (MIL-STD-130 Construct 2, with the agency's CAGE or NCAGE code), a GS1
 * GIAI (the agency's GS1 company prefix and the registry number) or the bare serial.
 */
@ApplicationScoped
public class FirearmMarkings {

  /** Which payload to put in a symbol. */
  public enum PayloadKind {
    TZ1,
    UII,
    GIAI,
    SERIAL
  }

  @Inject
  @ConfigProperty(name = "marking.cage-code")
  Optional<String> cageCode;

  @Inject
  @ConfigProperty(name = "marking.gs1-company-prefix")
  Optional<String> gs1CompanyPrefix;

  /**
   * The payload of {@code kind} for {@code firearm}.
   *
   * @throws IllegalStateException when the kind needs an identifier the agency has not configured
   * @throws IllegalArgumentException when the record's content does not fit the format
   */
  public MarkingPayload payload(FirearmIdentity firearm, PayloadKind kind) {
    return switch (kind) {
      case TZ1 -> of(firearm);
      case UII ->
          UniqueItemIdentifier.construct2(
              cageCode
                  .map(c -> c.trim().toUpperCase(Locale.ROOT))
                  .orElseThrow(
                      () -> new IllegalStateException("set marking.cage-code to mark with a UII")),
              partNumber(firearm),
              firearm.serialNormalized());
      case GIAI -> new Giai(gs1Prefix() + firearm.id());
      case SERIAL -> new PlainIdentifier(firearm.serialNormalized());
    };
  }

  /** The configured GS1 company prefix. */
  public String gs1Prefix() {
    return gs1CompanyPrefix
        .map(String::trim)
        .orElseThrow(
            () -> new IllegalStateException("set marking.gs1-company-prefix to mark with a GIAI"));
  }

  /** The registry number a GIAI of this agency carries, if it is one of this agency's. */
  public Optional<Long> registryIdOf(Giai giai) {
    return gs1CompanyPrefix
        .map(String::trim)
        .filter(p -> giai.value().startsWith(p) && giai.value().length() > p.length())
        .map(p -> giai.value().substring(p.length()))
        .filter(rest -> rest.matches("[0-9]{1,18}"))
        .map(Long::parseLong);
  }

  /** The model as an MH10.8.2 part number: letters and digits, or the make code without one. */
  private static String partNumber(FirearmIdentity firearm) {
    String model =
        firearm.model() == null
            ? ""
            : firearm.model().toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
    return model.isEmpty()
        ? firearm.makeCode().toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "")
        : model;
  }

  /**
   * The TZ1 payload of {@code firearm}. Make codes may hold '-' or '_', which the marking's C40
   * alphabet lacks: they are left out there (the registry id is the key; the make is for people).
   */
  public TrazaMarking of(FirearmIdentity firearm) {
    String make = firearm.makeCode().toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
    return new TrazaMarking(
        firearm.id(),
        make,
        firearm.manufactureCountry() == null ? "XX" : firearm.manufactureCountry(),
        firearm.manufactureYear(),
        firearm.serialNormalized(),
        firearm.importCountry() != null && firearm.importYear() != null
            ? firearm.importCountry()
            : null,
        firearm.importCountry() != null && firearm.importYear() != null
            ? firearm.importYear()
            : null,
        null);
  }
}
