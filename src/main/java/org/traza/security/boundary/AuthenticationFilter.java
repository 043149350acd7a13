package org.traza.security.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.traza.platform.boundary.Problems;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemType;
import org.traza.security.control.Stations;
import org.traza.security.control.TokenService;
import org.traza.security.control.Users;
import org.traza.security.entity.Role;
import org.traza.security.entity.Station;

/**
 * Reads the bearer token, if any. A request without one stays anonymous (the authorization filter
 * decides whether that is enough); a bad, expired or revoked token is refused at once with 401.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  @Inject TokenService tokens;
  @Inject Users users;
  @Inject RequestContext request;

  /** The header a registered station sends its credential ({@code code:secret}) in. */
  public static final String STATION_HEADER = "X-Traza-Station";

  @Inject Stations stations;

  @Override
  public void filter(ContainerRequestContext ctx) {
    String credential = ctx.getHeaderString(STATION_HEADER);
    if (credential != null) {
      Optional<Station> station = stations.authenticate(credential.trim());
      if (station.isEmpty()) {
        request.failedWith(ProblemType.STATION_REFUSED);
        ctx.abortWith(
            Problems.response(
                ProblemType.STATION_REFUSED,
                "The station credential in "
                    + STATION_HEADER
                    + " is unknown, rotated or disabled; ask an administrator for a new one.",
                request.requestId()));
        return;
      }
      request.fromStation(station.get().code(), station.get().armouryId());
    }
    String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return;
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      refuse(ctx, "Send the token as 'Authorization: Bearer <token>'.");
      return;
    }
    Optional<Users.Account> user =
        tokens
            .verify(header.substring(BEARER.length()).trim())
            .flatMap(users::account)
            .filter(Users.Account::enabled);
    if (user.isEmpty()) {
      refuse(ctx, "The token is invalid, expired or its account is disabled; log in again.");
      return;
    }
    String username = user.get().username();
    Set<String> roles = user.get().roles().stream().map(Role::name).collect(Collectors.toSet());
    request.authenticate(username, roles, user.get().armouryId());
    boolean secure = ctx.getSecurityContext() != null && ctx.getSecurityContext().isSecure();
    ctx.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return () -> username;
          }

          @Override
          public boolean isUserInRole(String role) {
            return roles.contains(role);
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
  }

  private void refuse(ContainerRequestContext ctx, String detail) {
    request.failedWith(ProblemType.UNAUTHENTICATED);
    ctx.abortWith(Problems.response(ProblemType.UNAUTHENTICATED, detail, request.requestId()));
  }
}
