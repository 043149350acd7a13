package org.traza.security.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.platform.control.RequestContext;
import org.traza.security.control.LoginService;
import org.traza.security.control.RevokedTokens;
import org.traza.security.control.TokenService;
import org.traza.security.control.UserAdministration;
import org.traza.security.control.Users;
import org.traza.security.entity.AppUser;
import org.traza.security.entity.Role;

/** Login and logout, the caller's own identity and password, and the token-verifying key. */
@Tag(name = "Authentication", description = "Log in and out, who am I, my password, the key")
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject LoginService login;
  @Inject TokenService tokens;
  @Inject RevokedTokens revoked;
  @Inject UserAdministration administration;
  @Inject Users users;
  @Inject RequestContext request;

  /** Username and password; both required. */
  public static class Credentials {
    @NotBlank
    @Size(max = 256)
    public String username;

    @NotNull
    @Size(max = 1024)
    public String password;
  }

  /** The current password and the new one. */
  public static class PasswordChange {
    @NotNull
    @Size(max = 1024)
    public String currentPassword;

    @NotNull
    @Size(max = 1024)
    public String newPassword;
  }

  /**
   * A bearer token, when it expires, who it is for, and whether its user must change the password
   * before anything else.
   */
  public record TokenResponse(
      String token,
      String tokenType,
      Instant expiresAt,
      String username,
      Set<String> roles,
      boolean passwordChangeRequired) {

    static TokenResponse of(TokenService.IssuedToken token, AppUser user) {
      Set<String> roles = new TreeSet<>();
      user.roles().forEach(r -> roles.add(r.name()));
      return new TokenResponse(
          token.token(),
          "Bearer",
          token.expiresAt(),
          user.username(),
          roles,
          user.passwordChangeRequired());
    }
  }

  @POST
  @Path("login")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Log in: a bearer token for a username (folded to its canonical form) and password."
              + " 401 invalid-credentials for any failure; 429 too-many-attempts with Retry-After"
              + " when this address failed too often")
  public Response login(@NotNull @Valid Credentials credentials) {
    LoginService.Outcome outcome = login.login(credentials.username, credentials.password);
    if (outcome.problem() != null) {
      throw outcome.problem();
    }
    return noStore(TokenResponse.of(outcome.token(), outcome.user()));
  }

  @POST
  @Path("logout")
  @RolesAllowed(Role.Names.ANY_ROLE)
  @AllowedBeforePasswordChange
  @Operation(summary = "Log out: the presented token is refused from now on (204)")
  public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    String token = authorization.substring("Bearer ".length()).trim();
    tokens.verify(token).ifPresent(t -> revoked.revoke(t.jti(), t.username(), t.expiresAt()));
    return Response.noContent().build();
  }

  @POST
  @Path("password")
  @RolesAllowed(Role.Names.ANY_ROLE)
  @AllowedBeforePasswordChange
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change my password, proving the current one. Every earlier token of mine ends; the"
              + " answer carries a new one. 400 weak-password names what is wrong")
  public Response changePassword(@NotNull @Valid PasswordChange body) {
    UserAdministration.Changed changed =
        administration.changeOwnPassword(request.actor(), body.currentPassword, body.newPassword);
    return noStore(TokenResponse.of(changed.token(), changed.user()));
  }

  /** Who the token belongs to and which roles the server grants it now. */
  @GET
  @Path("me")
  @RolesAllowed(Role.Names.ANY_ROLE)
  @AllowedBeforePasswordChange
  @Operation(
      summary =
          "Who I am: my username, the roles the server grants me now, and whether I must change"
              + " my password first")
  public Map<String, Object> me() {
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("username", request.actor());
    me.put("roles", new TreeSet<>(request.roles()));
    me.put(
        "passwordChangeRequired",
        users.account(request.actor()).map(Users.Account::passwordChangeRequired).orElse(false));
    return me;
  }

  /** The token-signing public key (JWKS), so that other services can verify tokens offline. */
  @GET
  @Path("jwks")
  @PermitAll
  @Operation(summary = "The public key that verifies tokens, as a JSON Web Key Set")
  public Map<String, Object> keys() {
    return tokens.publicKeySet();
  }

  private static Response noStore(Object entity) {
    CacheControl never = new CacheControl();
    never.setNoStore(true);
    return Response.ok(entity).cacheControl(never).build();
  }
}
