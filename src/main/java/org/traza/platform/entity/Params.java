package org.traza.platform.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates and instants from query parameters and bodies: absent is null, malformed is a 400. */
public final class Params {

  private Params() {}

  /** An ISO-8601 instant such as 2026-01-31T00:00:00Z, or null when blank. */
  public static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Bounds.instant(field, Instant.parse(value.trim()));
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "use an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }

  /** A date as YYYY-MM-DD, or null when blank. */
  public static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Bounds.date(field, LocalDate.parse(value.trim()));
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "use YYYY-MM-DD");
    }
  }
}
