package org.traza.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/**
 * The armoury rule, asked where an object is loaded: a request from a user or station confined to
 * an armoury sees and changes only what is recorded within it. Each feature's loader (a firearm, a
 * location, a count, a destruction order) asks here before it hands the object on, so a new
 * endpoint that loads through the feature cannot forget the rule. Outside a request (a timer, the
 * start-up) nothing is confined.
 */
@ApplicationScoped
public class Confinement {

  @Inject RequestContext request;

  /** The locations the current request is confined to; empty when it is not confined. */
  public Optional<Set<Long>> scope() {
    try {
      return request.scope();
    } catch (ContextNotActiveException e) {
      return Optional.empty();
    }
  }

  /** Whether something recorded at {@code locationId} is within the current request's armoury. */
  public boolean allows(Long locationId) {
    return scope().map(s -> locationId == null || s.contains(locationId)).orElse(true);
  }

  /** Whether every one of {@code locationIds} is within the current request's armoury. */
  public boolean allowsAll(Collection<Long> locationIds) {
    return locationIds.stream().allMatch(this::allows);
  }

  /** Refuses with 403 outside-armoury what is recorded outside the current request's armoury. */
  public void require(Long locationId, String what) {
    if (!allows(locationId)) {
      throw outside(what);
    }
  }

  /**
   * The refusal names nothing of the other armoury (no serial, number or code: a user walking ids
   * must not learn what exists elsewhere), only what kind of thing was refused.
   */
  public static ProblemException outside(String what) {
    return new ProblemException(
        ProblemType.OUTSIDE_ARMOURY,
        what + " is recorded at another armoury; you can see and act only within your own.");
  }
}
