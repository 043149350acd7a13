package org.traza.custody.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.traza.custody.entity.Holder;
import org.traza.custody.entity.HolderKind;
import org.traza.custody.entity.Location;
import org.traza.custody.entity.LocationKind;
import org.traza.platform.control.Confinement;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/** Locations and holders: created by administrators, read by everyone. */
@ApplicationScoped
public class Places {

  @PersistenceContext EntityManager em;
  @Inject Confinement confinement;
  @Inject Event<ActionPerformed> actions;
  @Inject Clock clock;

  @Transactional
  public Location createLocation(
      String code, String name, LocationKind kind, Long parentId, Integer frequency, String actor) {
    if (parentId != null && em.find(Location.class, parentId) == null) {
      throw ProblemException.invalid("parentId", "no location " + parentId);
    }
    if (confinement.scope().isPresent() && (parentId == null || !confinement.allows(parentId))) {
      throw Confinement.outside("The parent location");
    }
    requireFreeCode("Location", code);
    Location l = new Location(code, name, kind, parentId, frequency, clock.instant(), actor);
    em.persist(l);
    em.flush();
    tree = null;
    actions.fire(ActionPerformed.of(AuditAction.LOCATION_CREATED, l.id(), code));
    return l;
  }

  @Transactional
  public Holder createHolder(String code, HolderKind kind, String name, String unit, String actor) {
    requireNationalScope();
    requireFreeCode("Holder", code);
    Holder h = new Holder(code, kind, name, unit, clock.instant(), actor);
    em.persist(h);
    em.flush();
    actions.fire(ActionPerformed.of(AuditAction.HOLDER_CREATED, h.id(), code));
    return h;
  }

  /**
   * Applies {@code change} to location {@code id} and audits what it changed, old and new; a change
   * that changes nothing is not recorded.
   */
  @Transactional
  public Location reviseLocation(long id, java.util.function.Consumer<Location> change) {
    Location l = locationWithin(id);
    revise(l, change, Places::describe, "location", l.id(), l.code());
    return l;
  }

  /** As {@link #reviseLocation}, for holder {@code id}. */
  @Transactional
  public Holder reviseHolder(long id, java.util.function.Consumer<Holder> change) {
    requireNationalScope();
    Holder h = holder(id);
    revise(h, change, Places::describe, "holder", h.id(), h.code());
    return h;
  }

  private <T> void revise(
      T place,
      java.util.function.Consumer<T> change,
      java.util.function.Function<T, String> describe,
      String type,
      long id,
      String code) {
    String before = describe.apply(place);
    change.accept(place);
    String after = describe.apply(place);
    if (!before.equals(after)) {
      actions.fire(
          ActionPerformed.of(
              "holder".equals(type) ? AuditAction.HOLDER_UPDATED : AuditAction.LOCATION_UPDATED,
              id,
              code + ": " + before + " -> " + after));
    }
  }

  private static String describe(Location l) {
    return "name '"
        + l.name()
        + "', counted every "
        + (l.countFrequencyDays() == null ? "-" : l.countFrequencyDays())
        + " days";
  }

  private static String describe(Holder h) {
    return "name '" + h.name() + "', unit '" + (h.unit() == null ? "-" : h.unit()) + "'";
  }

  private void requireFreeCode(String entity, String code) {
    Long taken =
        em.createQuery("SELECT COUNT(x) FROM " + entity + " x WHERE x.code = :c", Long.class)
            .setParameter("c", code)
            .getSingleResult();
    if (taken > 0) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "The code "
              + code
              + " is taken by another "
              + entity.toLowerCase(java.util.Locale.ROOT)
              + ".");
    }
  }

  /** Children of each location, read at most every {@link #TREE_TTL} (locations never move). */
  private record Tree(Map<Long, List<Long>> children, Instant readAt) {}

  static final Duration TREE_TTL = Duration.ofSeconds(30);
  private volatile Tree tree;

  /**
   * Location {@code root} and every place under it: the scope of a user or station confined to that
   * armoury. A location created on another server appears within {@link #TREE_TTL}.
   */
  public Set<Long> subtree(long root) {
    Tree t = tree;
    Instant now = clock.instant();
    if (t == null || now.isAfter(t.readAt().plus(TREE_TTL))) {
      Map<Long, List<Long>> children = new HashMap<>();
      for (Object[] row :
          em.createQuery("SELECT l.id, l.parentId FROM Location l", Object[].class)
              .getResultList()) {
        if (row[1] != null) {
          children.computeIfAbsent((Long) row[1], k -> new ArrayList<>()).add((Long) row[0]);
        }
      }
      t = new Tree(children, now);
      tree = t;
    }
    Set<Long> found = new HashSet<>();
    Deque<Long> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Long id = todo.pop();
      if (found.add(id)) {
        todo.addAll(t.children().getOrDefault(id, List.of()));
      }
    }
    return found;
  }

  public List<Location> locations() {
    return em.createQuery("SELECT l FROM Location l ORDER BY l.code", Location.class)
        .getResultList();
  }

  /** Every location the current request may see (see {@link #visibleLocation}). */
  public List<Location> visibleLocations() {
    return locations().stream()
        .filter(l -> isDestination(l) || confinement.allows(l.id()))
        .toList();
  }

  public List<Holder> holders() {
    return em.createQuery("SELECT h FROM Holder h ORDER BY h.code", Holder.class).getResultList();
  }

  public Holder holder(long id) {
    Holder h = em.find(Holder.class, id);
    if (h == null) {
      throw ProblemException.notFound("holder", id);
    }
    return h;
  }

  /** The location, wherever it is: for the rules that compare places across armouries. */
  public Location location(long id) {
    Location l = em.find(Location.class, id);
    if (l == null) {
      throw ProblemException.notFound("location", id);
    }
    return l;
  }

  /**
   * A location as the current request may see it: one within its armoury, or an agency or armoury
   * itself (where a transfer may be sent); vaults, racks and bins elsewhere are refused (403).
   */
  public Location visibleLocation(long id) {
    Location l = location(id);
    if (!isDestination(l)) {
      confinement.require(l.id(), "This location");
    }
    return l;
  }

  /**
   * A location within the current request's armoury (403 otherwise): to list its holdings, print
   * its label, count it or change it.
   */
  public Location locationWithin(long id) {
    Location l = location(id);
    confinement.require(l.id(), "This location");
    return l;
  }

  /**
   * Holders (officers, units, courts) are one national register: an officer may draw weapons at
   * several armouries. Only a user of national scope creates or corrects them, so that a user
   * confined to one armoury cannot rename a holder that other armouries issue to.
   */
  private void requireNationalScope() {
    if (confinement.scope().isPresent()) {
      throw new ProblemException(
          org.traza.platform.entity.ProblemType.OUTSIDE_ARMOURY,
          "Holders are a national register: a user confined to an armoury cannot create or correct"
              + " them; ask a supervisor or administrator of national scope.");
    }
  }

  private static boolean isDestination(Location l) {
    return l.kind() == LocationKind.AGENCY || l.kind() == LocationKind.ARMOURY;
  }
}
