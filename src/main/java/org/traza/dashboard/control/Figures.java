package org.traza.dashboard.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Counts for the dashboard, each one GROUP BY in the database (never the rows themselves), so they
 * cost the same at a thousand firearms as at a million, apart from the scan of the index.
 */
@ApplicationScoped
public class Figures {

  @PersistenceContext EntityManager em;

  /** A count under a key (a status, a type code, an action). */
  public record Count(String key, long count) {}

  /** A location and the live firearms recorded there. */
  public record LocationCount(long locationId, String code, String name, long count) {}

  /** Custody events per day and action. */
  public record DayCount(LocalDate day, String action, long count) {}

  /** Requests answered in a month: how many, and the median and 90th percentile hours taken. */
  public record AnswerTime(YearMonth month, long answered, double medianHours, double p90Hours) {}

  /** Live firearms (voided records left out) by status, by type and by the largest locations. */
  public record Holdings(
      List<Count> byStatus, List<Count> byType, List<LocationCount> byLocation) {}

  /**
   * The three holdings breakdowns from one pass over the covering index (live, status, type,
   * location): the database groups by all three at once (a few hundred rows however large the
   * registry), and the breakdowns are folded from them here.
   */
  public Holdings holdings(Set<Long> scope, int topLocations) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT f.status, f.firearm_type_id, f.location_id, COUNT(*) FROM firearm f"
                    + " WHERE f.live = 1"
                    + within("f.location_id", scope)
                    + " GROUP BY f.status, f.firearm_type_id, f.location_id")
            .getResultList();
    Map<String, Long> byStatus = new java.util.HashMap<>();
    Map<Long, Long> byType = new java.util.HashMap<>();
    Map<Long, Long> byLocation = new java.util.HashMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      long n = ((Number) r[3]).longValue();
      byStatus.merge((String) r[0], n, Long::sum);
      byType.merge(((Number) r[1]).longValue(), n, Long::sum);
      if (r[2] != null) {
        byLocation.merge(((Number) r[2]).longValue(), n, Long::sum);
      }
    }
    Map<Long, String> types = typeCodes();
    List<Map.Entry<Long, Long>> top =
        byLocation.entrySet().stream()
            .sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
            .limit(topLocations)
            .toList();
    Map<Long, Object[]> places = new java.util.HashMap<>();
    if (!top.isEmpty()) {
      List<?> found =
          em.createNativeQuery(
                  "SELECT id, code, name FROM location WHERE id IN ("
                      + top.stream()
                          .map(e -> String.valueOf(e.getKey()))
                          .collect(Collectors.joining(","))
                      + ")")
              .getResultList();
      for (Object f : found) {
        Object[] l = (Object[]) f;
        places.put(((Number) l[0]).longValue(), l);
      }
    }
    return new Holdings(
        sorted(byStatus),
        sorted(
            byType.entrySet().stream()
                .collect(
                    Collectors.toMap(
                        e -> types.getOrDefault(e.getKey(), "#" + e.getKey()),
                        Map.Entry::getValue,
                        Long::sum))),
        top.stream()
            .map(
                e -> {
                  Object[] l = places.get(e.getKey());
                  return new LocationCount(
                      e.getKey(),
                      l == null ? "#" + e.getKey() : (String) l[1],
                      l == null ? "" : (String) l[2],
                      e.getValue());
                })
            .toList());
  }

  private static List<Count> sorted(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }

  /** Every firearm type's code by its id (a few dozen rows). */
  private Map<Long, String> typeCodes() {
    Map<Long, String> out = new java.util.HashMap<>();
    for (Object row : em.createNativeQuery("SELECT id, code FROM firearm_type").getResultList()) {
      Object[] r = (Object[]) row;
      out.put(((Number) r[0]).longValue(), (String) r[1]);
    }
    return out;
  }

  /** Custody events per day and action since {@code from}, touching a place within scope. */
  public List<DayCount> custodyActivity(Instant from, Set<Long> scope) {
    String where =
        scope == null
            ? ""
            : " AND ("
                + condition("e.to_location_id", scope)
                + " OR "
                + condition("e.from_location_id", scope)
                + ")";
    List<?> rows =
        em.createNativeQuery(
                "SELECT CAST(e.server_time AS DATE), e.action, COUNT(*) FROM custody_event e"
                    + " WHERE e.server_time >= ?1"
                    + where
                    + " GROUP BY CAST(e.server_time AS DATE), e.action ORDER BY 1, 2")
            .setParameter(1, utc(from))
            .getResultList();
    return rows.stream()
        .map(r -> (Object[]) r)
        .map(r -> new DayCount(day(r[0]), (String) r[1], ((Number) r[2]).longValue()))
        .toList();
  }

  /** Firearms issued or on loan past their expected return, within scope. */
  public long overdueReturns(Instant now, Set<Long> scope) {
    Object n =
        em.createNativeQuery(
                "SELECT COUNT(*) FROM firearm f WHERE f.live = 1 AND f.status IN ('ISSUED', 'ON_LOAN')"
                    + " AND f.expected_return_at < ?1"
                    + within("f.location_id", scope))
            .setParameter(1, utc(now))
            .getSingleResult();
    return ((Number) n).longValue();
  }

  /** Trace requests per status. */
  public List<Count> tracesByStatus() {
    return counts(
        "SELECT status, COUNT(*) FROM trace_request GROUP BY status ORDER BY COUNT(*) DESC");
  }

  /** Answered trace requests per outcome. */
  public List<Count> tracesByOutcome() {
    return counts(
        "SELECT outcome, COUNT(*) FROM trace_request WHERE outcome IS NOT NULL"
            + " GROUP BY outcome ORDER BY COUNT(*) DESC");
  }

  /** Open trace requests past their deadline. */
  public long overdueTraces(Instant now) {
    Object n =
        em.createNativeQuery(
                "SELECT COUNT(*) FROM trace_request WHERE status IN ('RECEIVED', 'ACKNOWLEDGED',"
                    + " 'IN_PROGRESS') AND due_at < ?1")
            .setParameter(1, utc(now))
            .getSingleResult();
    return ((Number) n).longValue();
  }

  /**
   * Time to answer per month of answer since {@code from}: the hours of each request are read (two
   * timestamps a request) and their median taken here, since neither database has a portable
   * percentile.
   */
  public List<AnswerTime> timeToAnswer(Instant from) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT received_at, answered_at FROM trace_request WHERE answered_at >= ?1")
            .setParameter(1, utc(from))
            .getResultList();
    Map<YearMonth, List<Double>> hours = new TreeMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      Instant received = instant(r[0]);
      Instant answered = instant(r[1]);
      hours
          .computeIfAbsent(YearMonth.from(answered.atZone(ZoneOffset.UTC)), m -> new ArrayList<>())
          .add(received.until(answered, ChronoUnit.SECONDS) / 3600.0);
    }
    return hours.entrySet().stream()
        .map(
            e -> {
              List<Double> h = e.getValue().stream().sorted().toList();
              return new AnswerTime(e.getKey(), h.size(), percentile(h, 0.5), percentile(h, 0.9));
            })
        .toList();
  }

  static double percentile(List<Double> sorted, double p) {
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return Math.round(sorted.get(Math.max(0, i)) * 10) / 10.0;
  }

  /** {@code AND column IN (…)} for a confined caller, else nothing. */
  static String within(String column, Set<Long> scope) {
    return scope == null ? "" : " AND " + condition(column, scope);
  }

  /** {@code column IN (…)} of a scope's place ids (numbers, never text); none matches nothing. */
  private static String condition(String column, Set<Long> scope) {
    if (scope.isEmpty()) {
      return "1 = 0";
    }
    return column
        + " IN ("
        + scope.stream().sorted().map(String::valueOf).collect(Collectors.joining(","))
        + ")";
  }

  private List<Count> counts(String sql) {
    List<?> rows = em.createNativeQuery(sql).getResultList();
    return rows.stream()
        .map(r -> (Object[]) r)
        .map(r -> new Count(String.valueOf(r[0]), ((Number) r[1]).longValue()))
        .toList();
  }

  private static LocalDate day(Object value) {
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    return LocalDate.parse(String.valueOf(value).substring(0, 10));
  }

  /** Times are stored as UTC wall-clock values (see {@code InstantConverter}). */
  private static java.time.LocalDateTime utc(Instant instant) {
    return java.time.LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (value instanceof java.time.LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    return ((java.time.OffsetDateTime) value).toInstant();
  }
}
