package org.traza.registry.entity;

import java.util.Arrays;
import java.util.Locale;
import org.traza.platform.entity.ProblemException;

/** Parses enum values sent by clients, answering an unknown value with the allowed ones. */
public final class Codes {

  private Codes() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid(field, "required; one of " + allowed(type));
    }
    String upper = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(upper))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    field, "unknown value '" + value + "'; use one of " + allowed(type)));
  }

  public static <E extends Enum<E>> E parseOptional(Class<E> type, String field, String value) {
    return value == null || value.isBlank() ? null : parse(type, field, value);
  }

  private static <E extends Enum<E>> String allowed(Class<E> type) {
    return Arrays.toString(type.getEnumConstants());
  }
}
