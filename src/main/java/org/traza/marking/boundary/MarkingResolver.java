package org.traza.marking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.traza.marking.control.PayloadMatcher;

/** What other features may ask of scanned text: which firearm it designates, if exactly one. */
@ApplicationScoped
public class MarkingResolver {

  @Inject PayloadMatcher matcher;
  @Inject org.traza.registry.boundary.FirearmDirectory firearms;

  /** The longest scanned text a count or a destruction site accepts. */
  public static final int MAX_TEXT = 500;

  /** A scan as recorded: what was read (or {@code #id}) and the firearm it designates, if any. */
  public record Scanned(String text, Long firearmId) {}

  /**
   * A scan sent either as scanner text or as a registry number, checked and resolved: {@code
   * firearmId} is null when the text, or the number, designates no firearm.
   */
  public Scanned scanned(String text, Long firearmId) {
    boolean byText = text != null && !text.isBlank();
    if (byText == (firearmId != null)) {
      throw org.traza.platform.entity.ProblemException.invalid(
          "scannedText", "send either scannedText or firearmId");
    }
    if (byText) {
      if (text.length() > MAX_TEXT) {
        throw org.traza.platform.entity.ProblemException.invalid(
            "scannedText", "at most " + MAX_TEXT + " characters");
      }
      return new Scanned(text, firearmFor(text).orElse(null));
    }
    return new Scanned(
        "#" + firearmId,
        firearms
            .find(firearmId)
            .map(org.traza.registry.boundary.FirearmDirectory.FirearmIdentity::id)
            .orElse(null));
  }

  /** The id of the one live firearm {@code scanned} designates and agrees with; empty otherwise. */
  public Optional<Long> firearmFor(String scanned) {
    PayloadMatcher.Match match = matcher.match(scanned);
    if (match.outcome() != PayloadMatcher.Outcome.MATCHED) {
      return Optional.empty();
    }
    return match.firearms().stream().filter(f -> !f.voided()).map(f -> f.id()).findFirst();
  }

  /** Why {@code scanned} designates no single firearm, in words for the person scanning. */
  public String whyNot(String scanned) {
    PayloadMatcher.Match match = matcher.match(scanned);
    return switch (match.outcome()) {
      case MISMATCHED -> "the marking disagrees with its record: " + match.differences();
      case AMBIGUOUS -> "several firearms carry this serial; send the firearm id";
      case NOT_FOUND -> "no firearm carries this marking";
      case UNRECOGNISED -> "the text is no marking format Traza reads (or its check fails)";
      case MATCHED -> "the firearm is void";
    };
  }
}
