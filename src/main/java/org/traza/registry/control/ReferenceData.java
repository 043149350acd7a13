package org.traza.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.registry.entity.Calibre;
import org.traza.registry.entity.FirearmType;
import org.traza.registry.entity.Make;
import org.traza.registry.entity.ReferenceEntry;

/** Makes, calibres and firearm types: looked up by code, listed, added and renamed. */
@ApplicationScoped
public class ReferenceData {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<ActionPerformed> actions;

  public <T extends ReferenceEntry> Optional<T> byCode(Class<T> type, String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return em.createQuery("SELECT r FROM " + type.getSimpleName() + " r WHERE r.code = :code", type)
        .setParameter("code", code.trim().toUpperCase(Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  /**
   * The entry for {@code code}, or a validation problem on {@code field} naming the unknown code.
   */
  public <T extends ReferenceEntry> T require(Class<T> type, String field, String code) {
    if (code == null || code.isBlank()) {
      throw ProblemException.invalid(field, "required");
    }
    return byCode(type, code)
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    field,
                    "unknown code '"
                        + code
                        + "'; see GET /api/"
                        + path(type)
                        + " (an administrator can add it)"));
  }

  public <T extends ReferenceEntry> List<T> list(Class<T> type, String query) {
    String jpql = "SELECT r FROM " + type.getSimpleName() + " r";
    if (query != null && !query.isBlank()) {
      jpql += " WHERE LOWER(r.code) LIKE :q OR LOWER(r.name) LIKE :q";
    }
    var q = em.createQuery(jpql + " ORDER BY r.code", type);
    if (query != null && !query.isBlank()) {
      q.setParameter("q", "%" + query.trim().toLowerCase(Locale.ROOT) + "%");
    }
    return q.getResultList();
  }

  @Transactional
  public <T extends ReferenceEntry> T add(T entry) {
    if (byCode(entry.getClass(), entry.code()).isPresent()) {
      throw new ProblemException(
              ProblemType.CONFLICT, "The code " + entry.code() + " is already in use.")
          .with("existing", "/api/" + path(entry.getClass()) + "/" + entry.code());
    }
    em.persist(entry);
    actions.fire(
        ActionPerformed.of(
            AuditAction.REFERENCE_CREATED,
            kindName(entry.getClass()).toLowerCase(Locale.ROOT).replace('_', '-'),
            entry.code(),
            entry.name()));
    return entry;
  }

  /** Renames an entry (and, for a make, changes its country); the code never changes. */
  @Transactional
  public <T extends ReferenceEntry> T update(
      Class<T> type, String code, String name, String country) {
    T entry =
        byCode(type, code)
            .orElseThrow(
                () -> ProblemException.notFound(kindName(type).toLowerCase(Locale.ROOT), code));
    String before = entry.name() + (entry instanceof Make m ? " (" + m.country() + ")" : "");
    entry.rename(name);
    if (entry instanceof Make make && country != null) {
      make.moveTo(country);
    }
    String after = entry.name() + (entry instanceof Make m ? " (" + m.country() + ")" : "");
    actions.fire(
        ActionPerformed.of(
            AuditAction.REFERENCE_UPDATED,
            kindName(type).toLowerCase(Locale.ROOT).replace('_', '-'),
            entry.code(),
            before + " -> " + after));
    return entry;
  }

  public java.time.Instant now() {
    return clock.instant();
  }

  static String kindName(Class<?> type) {
    return type == FirearmType.class
        ? "FIREARM_TYPE"
        : type.getSimpleName().toUpperCase(Locale.ROOT);
  }

  static String path(Class<?> type) {
    if (type == Make.class) return "makes";
    if (type == Calibre.class) return "calibres";
    return "firearm-types";
  }
}
