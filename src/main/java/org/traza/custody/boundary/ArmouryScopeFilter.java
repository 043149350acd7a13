package org.traza.custody.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.traza.custody.control.Places;
import org.traza.platform.control.RequestContext;

/**
 * Confines a request from a user or a station assigned to an armoury to the locations under that
 * armoury (both, when both are assigned). Every feature then asks {@link RequestContext#inScope}
 * before showing or moving a firearm, a place or a count.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 50)
public class ArmouryScopeFilter implements ContainerRequestFilter {

  @Inject RequestContext request;
  @Inject Places places;

  @Override
  public void filter(ContainerRequestContext ctx) {
    List<Long> armouries = request.armouries();
    if (armouries.isEmpty()) {
      return;
    }
    Set<Long> scope = null;
    for (Long armoury : armouries) {
      Set<Long> subtree = places.subtree(armoury);
      if (scope == null) {
        scope = new HashSet<>(subtree);
      } else {
        scope.retainAll(subtree);
      }
    }
    request.confineTo(scope);
  }
}
