package org.traza.marking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.boundary.FirearmDirectory.FirearmIdentity;
import org.traza.scanner.payload.Giai;
import org.traza.scanner.payload.MarkingPayload;
import org.traza.scanner.payload.Payloads;
import org.traza.scanner.payload.PlainIdentifier;
import org.traza.scanner.payload.SerialNumbers;
import org.traza.scanner.payload.TrazaMarking;
import org.traza.scanner.payload.UniqueItemIdentifier;

/**
 * Finds the firearm record a scanned or typed text designates. A Traza marking names its record and
 * is also checked against it: a marking whose serial or make disagrees with the record it names is
 * reported as a mismatch (a relabelled or altered weapon), never as a match.
 */
@ApplicationScoped
public class PayloadMatcher {

  @Inject FirearmDirectory firearms;
  @Inject FirearmMarkings markings;

  /** How a text relates to the registry. */
  public enum Outcome {
    /** exactly one record, and the marking agrees with it */
    MATCHED,
    /** the record named by a Traza marking exists, but the marking disagrees with it */
    MISMATCHED,
    /** several records carry this serial (different makes): the person must choose */
    AMBIGUOUS,
    /** a readable identifier that no record carries */
    NOT_FOUND,
    /** no format accepts the text (a Traza marking with a wrong check character included) */
    UNRECOGNISED
  }

  public record Match(
      Optional<MarkingPayload> payload,
      Outcome outcome,
      List<FirearmIdentity> firearms,
      List<String> differences) {}

  public Match match(String text) {
    Optional<MarkingPayload> payload = Payloads.detect(text);
    if (payload.isEmpty()) {
      return new Match(payload, Outcome.UNRECOGNISED, List.of(), List.of());
    }
    MarkingPayload p = payload.get();
    if (p instanceof TrazaMarking marking) {
      return byMarking(payload, marking);
    }
    if (p instanceof UniqueItemIdentifier uii) {
      // Construct 2 carries the serial alone; Construct 1 only as part of the UII
      return bySerial(payload, uii.elements().getOrDefault("S", uii.uii()));
    }
    if (p instanceof Giai giai) {
      // one of this agency's GIAIs carries the registry number; another's is an asset reference
      return markings
          .registryIdOf(giai)
          .map(id -> byRegistryId(payload, id))
          .orElseGet(() -> bySerial(payload, giai.value()));
    }
    return bySerial(payload, ((PlainIdentifier) p).normalized());
  }

  private Match byMarking(Optional<MarkingPayload> payload, TrazaMarking marking) {
    Optional<FirearmIdentity> found = firearms.identify(marking.registryId());
    if (found.isEmpty()) {
      return new Match(payload, Outcome.NOT_FOUND, List.of(), List.of());
    }
    TrazaMarking expected = markings.of(found.get());
    List<String> differences = new ArrayList<>();
    if (!expected.serial().equals(marking.serial())) {
      differences.add("serial: marked " + marking.serial() + ", recorded " + expected.serial());
    }
    if (!expected.makeCode().equals(marking.makeCode())) {
      differences.add("make: marked " + marking.makeCode() + ", recorded " + expected.makeCode());
    }
    if (!expected.countryOfManufacture().equals(marking.countryOfManufacture())) {
      differences.add(
          "country of manufacture: marked "
              + marking.countryOfManufacture()
              + ", recorded "
              + expected.countryOfManufacture());
    }
    return new Match(
        payload,
        differences.isEmpty() ? Outcome.MATCHED : Outcome.MISMATCHED,
        List.of(found.get()),
        List.copyOf(differences));
  }

  private Match byRegistryId(Optional<MarkingPayload> payload, long id) {
    return firearms
        .identify(id)
        .map(
            f ->
                new Match(
                    payload,
                    f.voided() ? Outcome.NOT_FOUND : Outcome.MATCHED,
                    List.of(f),
                    List.<String>of()))
        .orElseGet(() -> new Match(payload, Outcome.NOT_FOUND, List.of(), List.of()));
  }

  private Match bySerial(Optional<MarkingPayload> payload, String serial) {
    Optional<String> normal = serial == null ? Optional.empty() : SerialNumbers.normalise(serial);
    if (normal.isEmpty()) {
      return new Match(payload, Outcome.NOT_FOUND, List.of(), List.of());
    }
    List<FirearmIdentity> found = firearms.findBySerial(normal.get());
    List<FirearmIdentity> live = found.stream().filter(f -> !f.voided()).toList();
    Outcome outcome =
        live.size() == 1
            ? Outcome.MATCHED
            : live.size() > 1 ? Outcome.AMBIGUOUS : Outcome.NOT_FOUND;
    return new Match(payload, outcome, found, List.of());
  }
}
