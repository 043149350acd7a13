package org.traza.security.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.traza.platform.boundary.Problems;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemType;
import org.traza.security.entity.Role;

/**
 * Enforces the roles each endpoint declares: {@code @PermitAll}, or {@code @RolesAllowed} on the
 * method or else its class ({@code "**"}: any authenticated user). An endpoint that declares
 * nothing is closed to everyone (and an architecture test keeps that from happening). Anonymous
 * callers get 401, the wrong role 403.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Inject RequestContext request;

  @Override
  public void filter(ContainerRequestContext ctx) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    if (method.isAnnotationPresent(PermitAll.class)
        || (!method.isAnnotationPresent(RolesAllowed.class)
            && !method.isAnnotationPresent(DenyAll.class)
            && resource.getResourceClass() != null
            && resource.getResourceClass().isAnnotationPresent(PermitAll.class))) {
      return;
    }
    String[] allowed = allowedRoles(method);
    if (request.username().isEmpty()) {
      String detail = "Log in with POST /api/auth/login and send the token as a Bearer token.";
      request.failedWith(ProblemType.UNAUTHENTICATED);
      ctx.abortWith(Problems.response(ProblemType.UNAUTHENTICATED, detail, request.requestId()));
      return;
    }
    if (Arrays.asList(allowed).contains(Role.Names.ANY_ROLE)) {
      return;
    }
    if (Arrays.stream(allowed).noneMatch(request::hasRole)) {
      String detail =
          allowed.length == 0
              ? "This endpoint is closed."
              : "This needs one of the roles " + String.join(", ", allowed) + ".";
      request.failedWith(ProblemType.FORBIDDEN);
      ctx.abortWith(Problems.response(ProblemType.FORBIDDEN, detail, request.requestId()));
    }
  }

  private String[] allowedRoles(Method method) {
    if (method.isAnnotationPresent(DenyAll.class)) {
      return new String[0];
    }
    RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    Class<?> type = resource.getResourceClass();
    RolesAllowed onClass = type == null ? null : type.getAnnotation(RolesAllowed.class);
    return onClass == null ? new String[0] : onClass.value();
  }
}
