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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.platform.control.RequestContext;
import org.traza.security.control.LoginService;
import org.traza.security.control.TokenService;
import org.traza.security.entity.AppUser;
import org.traza.security.entity.Role;

/** Login, the caller's own identity, and the public key that verifies tokens. */
@Tag(name = "Authentication", description = "Log in, who am I, the token-signing key")
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject LoginService login;
  @Inject TokenService tokens;
  @Inject RequestContext request;

  /** Username and password; both required. */
  public static class Credentials {
    @NotBlank
    @Size(max = AppUser.USERNAME_MAX)
    public String username;

    @NotNull
    @Size(max = 200)
    public String password;
  }

  /** A bearer token, when it expires, and who it is for. */
  public record TokenResponse(
      String token, String tokenType, Instant expiresAt, String username, Set<String> roles) {}

  @POST
  @Path("login")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public TokenResponse login(@NotNull @Valid Credentials credentials) {
    LoginService.Outcome outcome = login.login(credentials.username, credentials.password);
    if (outcome.problem() != null) {
      throw outcome.problem();
    }
    Set<String> roles = new TreeSet<>();
    outcome.user().roles().forEach(r -> roles.add(r.name()));
    return new TokenResponse(
        outcome.token().token(),
        "Bearer",
        outcome.token().expiresAt(),
        outcome.user().username(),
        roles);
  }

  /** Who the token belongs to and which roles the server grants it now. */
  @GET
  @Path("me")
  @RolesAllowed(Role.Names.ANY_ROLE)
  public Map<String, Object> me() {
    return Map.of("username", request.actor(), "roles", new TreeSet<>(request.roles()));
  }

  /** The token-signing public key (JWKS), so that other services can verify tokens offline. */
  @GET
  @Path("jwks")
  @PermitAll
  public Map<String, Object> keys() {
    return tokens.publicKeySet();
  }
}
