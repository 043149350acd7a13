package org.traza.marking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.traza.marking.control.PayloadMatcher;

/** What other features may ask of scanned text: which firearm it designates, if exactly one. */
@ApplicationScoped
public class MarkingResolver {

  @Inject PayloadMatcher matcher;

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
