package org.traza.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.entity.Firearm;
import org.traza.registry.entity.FirearmStatus;
import org.traza.registry.entity.Provenance;
import org.traza.scanner.payload.SerialNumbers;

/**
 * Finds firearm records by serial (exact normalised form, or a pattern with '?' for one character
 * and '*' for any number: a literal prefix is an index range, a leading wildcard reads the serial
 * index through), make, model, calibre, type and status, in id order with a keyset cursor.
 * Tolerant, confusable and ranked matching belongs to tracing.
 */
@ApplicationScoped
public class FirearmSearch {

  @PersistenceContext EntityManager em;

  /** Search criteria; null means any. */
  public record Criteria(
      String serial,
      String make,
      String model,
      String calibre,
      String type,
      FirearmStatus status,
      boolean includeVoided,
      Long afterId,
      java.util.Set<Long> locationScope) {}

  /** What a search asked, in words, for the audit log (only the criteria given). */
  public static String describe(Criteria c) {
    List<String> parts = new java.util.ArrayList<>();
    if (c.serial() != null && !c.serial().isBlank()) {
      parts.add("serial " + c.serial());
    }
    if (c.make() != null) {
      parts.add("make " + c.make());
    }
    if (c.model() != null) {
      parts.add("model " + c.model());
    }
    if (c.calibre() != null) {
      parts.add("calibre " + c.calibre());
    }
    if (c.type() != null) {
      parts.add("type " + c.type());
    }
    if (c.status() != null) {
      parts.add("status " + c.status());
    }
    if (c.includeVoided()) {
      parts.add("voided records included");
    }
    return parts.isEmpty() ? "every record" : String.join(", ", parts);
  }

  public List<Firearm> find(Criteria c, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT f FROM Firearm f WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (c.serial() != null && !c.serial().isBlank()) {
      String raw = c.serial().trim();
      if (raw.matches(".*[?*].*")) {
        jpql.append(" AND f.serial.normalized LIKE :serial");
        params.put("serial", likePattern(raw));
      } else {
        jpql.append(" AND f.serial.normalized = :serial");
        params.put("serial", normalised(raw));
      }
    }
    code(jpql, params, "f.make.code", "make", c.make());
    code(jpql, params, "f.calibre.code", "calibre", c.calibre());
    code(jpql, params, "f.type.code", "type", c.type());
    if (c.model() != null && !c.model().isBlank()) {
      jpql.append(" AND LOWER(f.model) LIKE :model");
      params.put("model", c.model().trim().toLowerCase(Locale.ROOT).replace("*", "%"));
    }
    if (c.status() != null) {
      jpql.append(" AND f.status = :status");
      params.put("status", c.status());
    }
    if (!c.includeVoided()) {
      jpql.append(" AND f.live = 1");
    }
    if (c.afterId() != null) {
      jpql.append(" AND f.id > :after");
      params.put("after", c.afterId());
    }
    scope(jpql, params, c.locationScope());
    jpql.append(" ORDER BY f.id");
    TypedQuery<Firearm> query = em.createQuery(jpql.toString(), Firearm.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  /** The LIKE pattern of a serial with wildcards: each literal part normalised as a serial is. */
  static String likePattern(String raw) {
    StringBuilder out = new StringBuilder();
    StringBuilder part = new StringBuilder();
    for (char ch : raw.toCharArray()) {
      if (ch == '?' || ch == '*') {
        out.append(literal(part.toString()));
        part.setLength(0);
        out.append(ch == '?' ? '_' : '%');
      } else {
        part.append(ch);
      }
    }
    out.append(literal(part.toString()));
    if (out.toString().replace("%", "").isEmpty()) {
      throw ProblemException.invalid("serial", "give at least one character or '?' besides '*'");
    }
    return out.toString();
  }

  /** A literal part of a pattern: serial characters only, so never a LIKE wildcard. */
  private static String literal(String part) {
    return part.isBlank() ? "" : normalised(part);
  }

  private static String normalised(String raw) {
    return SerialNumbers.normalise(raw)
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    "serial",
                    "use the serial as marked, with '?' for one unknown character and '*' for"
                        + " several"));
  }

  /**
   * Confines a query to firearms recorded in {@code scope} or nowhere yet (registered, not
   * received); null scope: everywhere.
   */
  private static void scope(
      StringBuilder jpql, Map<String, Object> params, java.util.Set<Long> scope) {
    if (scope == null) {
      return;
    }
    if (scope.isEmpty()) {
      jpql.append(" AND f.locationId IS NULL");
    } else {
      jpql.append(" AND (f.locationId IS NULL OR f.locationId IN :scope)");
      params.put("scope", scope);
    }
  }

  /** Live records whose serial skeleton is {@code skeleton} (confusables folded). */
  public List<Firearm> bySkeleton(String skeleton, int limit) {
    return em.createQuery(
            "SELECT f FROM Firearm f WHERE f.serial.skeleton = :s AND f.live = 1 ORDER BY f.id",
            Firearm.class)
        .setParameter("s", skeleton)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Live records whose skeleton (or, with {@code reversed}, reversed skeleton) is LIKE {@code
   * like}; a pattern with a literal prefix is an index range.
   */
  public List<Firearm> bySkeletonLike(String like, boolean reversed, int limit) {
    String column = reversed ? "f.serial.skeletonReversed" : "f.serial.skeleton";
    return em.createQuery(
            "SELECT f FROM Firearm f WHERE " + column + " LIKE :p AND f.live = 1 ORDER BY f.id",
            Firearm.class)
        .setParameter("p", like)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Live records of make {@code makeCode} (and type, calibre when given) whose skeleton length is
   * within [{@code minLength}, {@code maxLength}]: the field a similarity ranking is narrowed to.
   */
  public List<Firearm> sameDescription(
      String makeCode,
      String typeCode,
      String calibreCode,
      int minLength,
      int maxLength,
      int limit) {
    StringBuilder jpql =
        new StringBuilder(
            "SELECT f FROM Firearm f WHERE f.live = 1 AND f.make.code = :make"
                + " AND LENGTH(f.serial.skeleton) BETWEEN :min AND :max");
    Map<String, Object> params = new HashMap<>();
    params.put("make", makeCode);
    params.put("min", minLength);
    params.put("max", maxLength);
    code(jpql, params, "f.type.code", "type", typeCode);
    code(jpql, params, "f.calibre.code", "calibre", calibreCode);
    jpql.append(" ORDER BY f.id");
    TypedQuery<Firearm> q = em.createQuery(jpql.toString(), Firearm.class);
    params.forEach(q::setParameter);
    return q.setMaxResults(limit).getResultList();
  }

  /** The live or voided records with these ids, in id order; unknown ids are left out. */
  public List<Firearm> findByIds(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT f FROM Firearm f WHERE f.id IN :ids ORDER BY f.id", Firearm.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /**
   * Live records whose provenance requires a mark they do not carry yet, in id order after {@code
   * afterId}.
   */
  public List<Firearm> toBeMarked(Long afterId, java.util.Set<Long> locationScope, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT f FROM Firearm f WHERE f.live = 1 AND (");
    Map<String, Object> params = new HashMap<>();
    String or = "";
    for (Provenance p : Provenance.values()) {
      if (p.requiredMarking().isEmpty()) {
        continue;
      }
      String n = p.name().toLowerCase(Locale.ROOT);
      jpql.append(or)
          .append("(f.provenance = :p_")
          .append(n)
          .append(
              " AND NOT EXISTS (SELECT m FROM FirearmMarking m WHERE m.firearm = f AND m.kind = :k_")
          .append(n)
          .append("))");
      params.put("p_" + n, p);
      params.put("k_" + n, p.requiredMarking().get());
      or = " OR ";
    }
    jpql.append(")");
    if (afterId != null) {
      jpql.append(" AND f.id > :after");
      params.put("after", afterId);
    }
    scope(jpql, params, locationScope);
    jpql.append(" ORDER BY f.id");
    TypedQuery<Firearm> query = em.createQuery(jpql.toString(), Firearm.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  /**
   * Id, custody sequence and chain head of the firearms with ids in ({@code afterId}, {@code
   * upToId}] that have custody events, in id order.
   */
  public List<Object[]> custodyHeads(long afterId, long upToId) {
    return em.createQuery(
            "SELECT f.id, f.custodySeq, f.custodyHead FROM Firearm f"
                + " WHERE f.custodySeq > 0 AND f.id > :a AND f.id <= :b ORDER BY f.id",
            Object[].class)
        .setParameter("a", afterId)
        .setParameter("b", upToId)
        .getResultList();
  }

  /** The highest firearm id there is (firearms are never deleted), 0 when there is none. */
  public long highestId() {
    Long max = em.createQuery("SELECT MAX(f.id) FROM Firearm f", Long.class).getSingleResult();
    return max == null ? 0 : max;
  }

  /** Live firearms recorded at {@code locationId}, whatever their status, in id order. */
  public List<Firearm> atLocation(long locationId, int limit) {
    return atLocations(Set.of(locationId), limit);
  }

  /** Live firearms recorded at any of {@code locationIds}, whatever their status, in id order. */
  public List<Firearm> atLocations(java.util.Collection<Long> locationIds, int limit) {
    return em.createQuery(
            "SELECT f FROM Firearm f WHERE f.live = 1 AND f.locationId IN :l ORDER BY f.id",
            Firearm.class)
        .setParameter("l", locationIds)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Firearms out with a holder (ISSUED or ON_LOAN), oldest expected return first; with {@code
   * dueBefore}, only those expected back before it.
   */
  public List<Firearm> withHolders(
      java.time.Instant dueBefore, java.util.Set<Long> locationScope, int limit) {
    return awaited(
        List.of(FirearmStatus.ISSUED, FirearmStatus.ON_LOAN), dueBefore, locationScope, limit);
  }

  /**
   * Firearms dispatched and not yet received, by expected arrival (those without one last); with
   * {@code dueBefore}, only those expected before it. Recorded at their destination.
   */
  public List<Firearm> inTransit(
      java.time.Instant dueBefore, java.util.Set<Long> locationScope, int limit) {
    return awaited(List.of(FirearmStatus.IN_TRANSIT), dueBefore, locationScope, limit);
  }

  private List<Firearm> awaited(
      List<FirearmStatus> statuses,
      java.time.Instant dueBefore,
      java.util.Set<Long> locationScope,
      int limit) {
    StringBuilder jpql =
        new StringBuilder("SELECT f FROM Firearm f WHERE f.live = 1 AND f.status IN :out");
    Map<String, Object> params = new HashMap<>();
    params.put("out", statuses);
    if (dueBefore != null) {
      jpql.append(" AND f.expectedReturnAt < :due");
      params.put("due", dueBefore);
    }
    scope(jpql, params, locationScope);
    jpql.append(" ORDER BY f.expectedReturnAt, f.id");
    TypedQuery<Firearm> q = em.createQuery(jpql.toString(), Firearm.class);
    params.forEach(q::setParameter);
    return q.setMaxResults(limit).getResultList();
  }

  private static void code(
      StringBuilder jpql, Map<String, Object> params, String path, String name, String value) {
    if (value != null && !value.isBlank()) {
      jpql.append(" AND ").append(path).append(" = :").append(name);
      params.put(name, value.trim().toUpperCase(Locale.ROOT));
    }
  }
}
