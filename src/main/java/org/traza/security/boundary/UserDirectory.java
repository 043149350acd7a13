package org.traza.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.traza.security.control.Users;
import org.traza.security.entity.Role;
import org.traza.security.entity.Usernames;

/** Who the registry's users are, as other features may ask: an account and its roles. */
@ApplicationScoped
public class UserDirectory {

  @Inject Users users;

  /**
   * The stored name of an enabled account that holds {@code role}, found by {@code username} as a
   * person would type it; empty when there is no such account.
   */
  public Optional<String> enabledWithRole(String username, String role) {
    return Usernames.forLogin(username)
        .flatMap(users::account)
        .filter(Users.Account::enabled)
        .filter(a -> a.roles().contains(Role.valueOf(role)))
        .map(Users.Account::username);
  }
}
