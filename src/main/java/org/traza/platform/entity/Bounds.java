package org.traza.platform.entity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The range of time the registry means: from 1800 (the oldest firearms still traced) to the end of
 * year 9999 (the last a {@code DATETIME(6)} or {@code DATE} column keeps). A value outside is a
 * client's mistake, refused before it reaches a database that would refuse it with a 500 or, worse,
 * keep another value than the one hashed.
 */
public final class Bounds {

  public static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1800, 1, 1);
  public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
  public static final int EARLIEST_YEAR = 1800;

  private Bounds() {}

  public static Instant instant(String field, Instant value) {
    if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
      throw ProblemException.invalid(field, "an instant from 1800 to 9999 is expected");
    }
    return value;
  }

  public static LocalDate date(String field, LocalDate value) {
    if (value != null && (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE))) {
      throw ProblemException.invalid(field, "a date from 1800-01-01 to 9999-12-31 is expected");
    }
    return value;
  }

  /** A date of something that has happened: from 1800 to today (UTC, plus one day of zones). */
  public static LocalDate past(String field, LocalDate value, Clock clock) {
    if (value == null) {
      return null;
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
    if (value.isBefore(EARLIEST_DATE) || value.isAfter(today)) {
      throw ProblemException.invalid(field, "a date from 1800-01-01 to today is expected");
    }
    return value;
  }

  /** A year something happened in: from 1800 to the current year. */
  public static Integer pastYear(String field, Integer year, Clock clock) {
    if (year == null) {
      return null;
    }
    int now = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
    if (year < EARLIEST_YEAR || year > now) {
      throw ProblemException.invalid(field, "a year from " + EARLIEST_YEAR + " to " + now);
    }
    return year;
  }

  /**
   * A device's clock reading, which may be off but not by more than {@code window} either side of
   * the server's: a station offline for days still sends its scans' times; a year of -5000 is not a
   * clock, it is a client's mistake or an attack on the chain.
   */
  public static Instant near(String field, Instant value, Clock clock, Duration window) {
    if (value == null) {
      return null;
    }
    Instant now = clock.instant();
    if (value.isBefore(now.minus(window)) || value.isAfter(now.plus(window))) {
      throw ProblemException.invalid(
          field,
          "a time within "
              + window.toDays()
              + " days of the server's clock ("
              + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
              + ") is expected");
    }
    return value;
  }
}
