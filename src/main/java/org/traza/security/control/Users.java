package org.traza.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.traza.security.entity.AppUser;
import org.traza.security.entity.Role;

/** Queries over users. */
@ApplicationScoped
public class Users {

  @PersistenceContext EntityManager em;

  public Optional<AppUser> byUsername(String username) {
    return em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public List<AppUser> all() {
    return em.createNamedQuery(AppUser.ALL, AppUser.class).getResultList();
  }

  public long countEnabledWith(Role role) {
    return em.createNamedQuery(AppUser.COUNT_ENABLED_WITH_ROLE, Long.class)
        .setParameter("role", role)
        .getSingleResult();
  }

  public void add(AppUser user) {
    em.persist(user);
  }
}
