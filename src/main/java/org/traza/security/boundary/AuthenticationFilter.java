package org.traza.security.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.traza.platform.boundary.Problems;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemType;
import org.traza.security.control.RevokedTokens;
import org.traza.security.control.Stations;
import org.traza.security.control.TokenService;
import org.traza.security.control.Users;
import org.traza.security.entity.Role;
import org.traza.security.entity.Station;

/**
 * Reads the bearer token, if any. A request without one stays anonymous (the authorization filter
 * decides whether that is enough); a bad, expired, not yet valid or revoked token is refused at
 * once with 401. Revoked means: logged out (its {@code jti} is in {@link RevokedTokens}), or of an
 * older token generation than its user's (password, roles, armoury or enabled state changed since
 * it was issued). Both are checked on every request, after the token cache, against state this
 * server updates as it changes. A user whose password must be changed may only reach endpoints
 * marked {@link AllowedBeforePasswordChange}.
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
  @Inject RevokedTokens revoked;
  @Context ResourceInfo resource;

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
    Optional<TokenService.Verified> token = tokens.verify(header.substring(BEARER.length()).trim());
    if (token.isEmpty()) {
      refuse(ctx, "The token is invalid, expired or not yet valid; log in again.");
      return;
    }
    if (revoked.isRevoked(token.get().jti())) {
      refuse(ctx, "The token was ended by a logout; log in again.");
      return;
    }
    Optional<Users.Account> user =
        users.account(token.get().username()).filter(Users.Account::enabled);
    if (user.isEmpty()) {
      refuse(ctx, "The token's account is unknown or disabled.");
      return;
    }
    if (user.get().tokenGeneration() != token.get().generation()) {
      refuse(
          ctx,
          "The token was ended by a change of the account (password, roles, armoury or state);"
              + " log in again.");
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
    if (user.get().passwordChangeRequired() && !allowedBeforePasswordChange()) {
      request.failedWith(ProblemType.PASSWORD_CHANGE_REQUIRED);
      ctx.abortWith(
          Problems.response(
              ProblemType.PASSWORD_CHANGE_REQUIRED,
              "An administrator reset this password: change it with POST /api/auth/password"
                  + " first.",
              request.requestId()));
    }
  }

  private boolean allowedBeforePasswordChange() {
    Method method = resource == null ? null : resource.getResourceMethod();
    return method != null && method.isAnnotationPresent(AllowedBeforePasswordChange.class);
  }

  private void refuse(ContainerRequestContext ctx, String detail) {
    request.failedWith(ProblemType.UNAUTHENTICATED);
    ctx.abortWith(Problems.response(ProblemType.UNAUTHENTICATED, detail, request.requestId()));
  }
}
