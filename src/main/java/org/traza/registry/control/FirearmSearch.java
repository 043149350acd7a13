package org.traza.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.entity.Firearm;
import org.traza.registry.entity.FirearmStatus;
import org.traza.scanner.payload.SerialNumbers;

/**
 * Finds firearm records by serial (exact normalised form, or a prefix ending in '*'), make, model,
 * calibre, type and status, in id order with a keyset cursor. Tolerant and obliterated-serial
 * matching belongs to tracing.
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
      Long afterId) {}

  public List<Firearm> find(Criteria c, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT f FROM Firearm f WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (c.serial() != null && !c.serial().isBlank()) {
      String raw = c.serial().trim();
      boolean prefix = raw.endsWith("*");
      String body = prefix ? raw.substring(0, raw.length() - 1) : raw;
      String normal =
          SerialNumbers.normalise(body)
              .orElseThrow(
                  () ->
                      ProblemException.invalid(
                          "serial",
                          "use the serial as marked, optionally ending in '*' for a prefix"));
      if (prefix) {
        jpql.append(" AND f.serial.normalized LIKE :serial");
        params.put("serial", normal.replace("%", "").replace("_", "") + "%");
      } else {
        jpql.append(" AND f.serial.normalized = :serial");
        params.put("serial", normal);
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
    jpql.append(" ORDER BY f.id");
    TypedQuery<Firearm> query = em.createQuery(jpql.toString(), Firearm.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  private static void code(
      StringBuilder jpql, Map<String, Object> params, String path, String name, String value) {
    if (value != null && !value.isBlank()) {
      jpql.append(" AND ").append(path).append(" = :").append(name);
      params.put(name, value.trim().toUpperCase(Locale.ROOT));
    }
  }
}
