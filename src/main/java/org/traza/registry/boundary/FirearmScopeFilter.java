package org.traza.registry.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.traza.platform.boundary.Problems;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.control.FirearmRegistry;

/**
 * Keeps a request confined to an armoury away from every {@code /firearms/{id}/...} resource of a
 * firearm recorded elsewhere (record, history, marks, symbols, verifications, custody timeline):
 * one check for every sub-resource, present and future. Runs after the role check, so a wrong role
 * is still a plain 403 and an unknown firearm still the resource's 404.
 */
@Provider
@Priority(Priorities.USER)
public class FirearmScopeFilter implements ContainerRequestFilter {

  @Context UriInfo uri;
  @Inject RequestContext request;
  @Inject FirearmRegistry registry;

  @Override
  public void filter(ContainerRequestContext ctx) {
    if (request.scope().isEmpty() || !uri.getPath().startsWith("firearms/")) {
      return;
    }
    String id = uri.getPathParameters().getFirst("id");
    if (id == null || !id.chars().allMatch(Character::isDigit) || id.length() > 18) {
      return;
    }
    registry
        .find(Long.parseLong(id))
        .filter(f -> !request.inScope(f.locationId()))
        .ifPresent(
            f -> {
              ProblemException refused =
                  new ProblemException(
                      org.traza.platform.entity.ProblemType.OUTSIDE_ARMOURY,
                      "Firearm "
                          + id
                          + " is recorded at another armoury; you can see and act only within"
                          + " your own.");
              request.failedWith(refused.type());
              ctx.abortWith(Problems.response(refused, request.requestId()));
            });
  }
}
