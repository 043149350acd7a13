package org.traza.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.custody.boundary.CustodyDirectory;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemException;
import org.traza.security.control.UserAdministration;
import org.traza.security.control.Users;
import org.traza.security.entity.AppUser;
import org.traza.security.entity.Role;

/** Administration of user accounts: ADMIN only. */
@Tag(name = "Users", description = "Accounts and roles (ADMIN)")
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class UsersResource {

  @Inject UserAdministration administration;
  @Inject Users users;
  @Inject RequestContext request;
  @Inject Clock clock;
  @Inject CustodyDirectory places;

  /** A new account. Roles are names from ARMOURER, INVESTIGATOR, AUDITOR, SUPERVISOR, ADMIN. */
  public static class NewUser {
    /**
     * Folded to its canonical form (NFKC, trimmed, lower case), which must then be 3-64 of a-z 0-9
     * . _ - starting with a letter or digit.
     */
    @NotBlank
    @Size(max = 256)
    public String username;

    @Size(max = AppUser.FULL_NAME_MAX)
    public String fullName;

    /** 12 to 128 characters, not a common password, not containing the username. */
    @NotNull
    @Size(max = 1024)
    public String password;

    /** True: an initial password the user must change at the first login. */
    public boolean passwordChangeRequired;

    @NotEmpty public Set<String> roles;

    /**
     * The armoury (or agency) location the user is confined to: they see and move only the firearms
     * recorded under it. Absent: national scope.
     */
    public Long armouryId;
  }

  /** The armoury a user is confined to from now on; null for national scope. */
  public static class ArmouryAssignment {
    public Long armouryId;
  }

  /** The roles a user has from now on (replacing the previous set). */
  public static class RoleGrant {
    @NotEmpty public Set<String> roles;
  }

  /** An account as administrators see it; never its password hash. */
  public record UserView(
      String username,
      String fullName,
      Set<String> roles,
      Long armouryId,
      String armouryCode,
      boolean enabled,
      boolean passwordChangeRequired,
      Instant lastLoginAt,
      Instant createdAt,
      String createdBy) {}

  @GET
  public List<UserView> list() {
    return users.all().stream().map(this::view).toList();
  }

  @GET
  @Path("{username}")
  public UserView get(@PathParam("username") String username) {
    return view(administration.existing(username));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@NotNull @Valid NewUser body) {
    AppUser user =
        administration.create(
            body.username,
            body.fullName,
            body.password,
            roles(body.roles),
            armoury(body.armouryId),
            request.actor(),
            body.passwordChangeRequired);
    return Response.created(URI.create("/api/users/" + user.username())).entity(view(user)).build();
  }

  @PUT
  @Path("{username}/roles")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserView grant(@PathParam("username") String username, @NotNull @Valid RoleGrant body) {
    return view(administration.grant(username, roles(body.roles)));
  }

  @PUT
  @Path("{username}/armoury")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserView assign(@PathParam("username") String username, @NotNull ArmouryAssignment body) {
    return view(administration.assign(username, armoury(body.armouryId)));
  }

  @POST
  @Path("{username}/disable")
  public UserView disable(@PathParam("username") String username) {
    return view(administration.disable(username));
  }

  /** A temporary password, shown once. */
  public record PasswordReset(
      String username, String temporaryPassword, boolean passwordChangeRequired) {}

  @POST
  @Path("{username}/password-reset")
  @Operation(
      summary =
          "Reset a user's password: a generated temporary password, answered once; the user's"
              + " sessions end and the next login may only change it")
  public Response resetPassword(@PathParam("username") String username) {
    UserAdministration.Reset reset = administration.resetPassword(username);
    CacheControl never = new CacheControl();
    never.setNoStore(true);
    return Response.ok(new PasswordReset(reset.user().username(), reset.temporaryPassword(), true))
        .cacheControl(never)
        .build();
  }

  @POST
  @Path("{username}/enable")
  public UserView enable(@PathParam("username") String username) {
    return view(administration.enable(username));
  }

  private static Set<Role> roles(Set<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      roles.add(
          Role.parse(name)
              .orElseThrow(
                  () ->
                      ProblemException.invalid(
                          "roles",
                          "unknown role '" + name + "'; use one of " + List.of(Role.values()))));
    }
    return roles;
  }

  private Long armoury(Long id) {
    return id == null ? null : places.armoury(id, "armouryId").id();
  }

  private UserView view(AppUser u) {
    Set<String> roles = new TreeSet<>();
    u.roles().forEach(r -> roles.add(r.name()));
    return new UserView(
        u.username(),
        u.fullName(),
        roles,
        u.armouryId(),
        u.armouryId() == null
            ? null
            : places.place(u.armouryId()).map(CustodyDirectory.Place::code).orElse(null),
        u.enabled(),
        u.passwordChangeRequired(),
        u.lastLoginAt(),
        u.createdAt(),
        u.createdBy());
  }
}
