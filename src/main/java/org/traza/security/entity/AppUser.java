package org.traza.security.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who uses Traza. Accounts are never deleted (the audit log names them for decades): they
 * are disabled. Failed logins never lock an account (strangers could lock anyone out): the login
 * throttle slows the guesser instead.
 *
 * <p>Every token carries the account's token generation; anything that must end the user's sessions
 * (a new password, other roles or armoury, disabling or enabling) advances it, and tokens of an
 * older generation are refused on their next request.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(
    name = AppUser.BY_USERNAME,
    query = "SELECT u FROM AppUser u WHERE u.username = :username")
@NamedQuery(name = AppUser.ALL, query = "SELECT u FROM AppUser u ORDER BY u.username")
@NamedQuery(
    name = AppUser.COUNT_ENABLED_WITH_ROLE,
    query = "SELECT COUNT(u) FROM AppUser u JOIN u.roles r WHERE u.enabled = TRUE AND r = :role")
public class AppUser {

  public static final String BY_USERNAME = "AppUser.byUsername";
  public static final String ALL = "AppUser.all";
  public static final String COUNT_ENABLED_WITH_ROLE = "AppUser.countEnabledWithRole";

  public static final int USERNAME_MAX = 64;
  public static final int FULL_NAME_MAX = 200;
  private static final Pattern USERNAME = Pattern.compile(Usernames.EXISTING_PATTERN);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "username", nullable = false, updatable = false, length = USERNAME_MAX)
  @Size(max = USERNAME_MAX)
  private String username;

  @Column(name = "full_name", length = FULL_NAME_MAX)
  @Size(max = FULL_NAME_MAX)
  private String fullName;

  @Column(name = "password_hash", nullable = false)
  @jakarta.validation.constraints.Size(max = 255)
  private String passwordHash;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  /** Advanced whenever the user's tokens must stop working; tokens carry it as {@code gen}. */
  @Column(name = "token_generation", nullable = false)
  private long tokenGeneration;

  /** Set by an administrator's reset: until the user picks a password, a token only allows that. */
  @Column(name = "password_change_required", nullable = false)
  private boolean passwordChangeRequired;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  /** The armoury (a location) this user is confined to; null for national scope. */
  @Column(name = "armoury_id")
  private Long armouryId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role", nullable = false, length = 20)
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = new HashSet<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  @jakarta.validation.constraints.Size(max = 255)
  private String createdBy;

  @Version
  @Column(name = "version")
  private long version;

  protected AppUser() {}

  public AppUser(
      String username,
      String fullName,
      String passwordHash,
      Set<Role> roles,
      Instant createdAt,
      String createdBy) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException("invalid username");
    }
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    this.username = username;
    this.fullName = fullName;
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.roles = EnumSet.copyOf(roles);
    this.enabled = true;
    this.createdAt = Objects.requireNonNull(createdAt);
    this.createdBy = Objects.requireNonNull(createdBy);
  }

  public static boolean isValidUsername(String username) {
    return username != null && USERNAME.matcher(username).matches();
  }

  public void recordSuccessfulLogin(Instant now) {
    lastLoginAt = now;
  }

  /** The user's own new password: the change requirement ends, and so do all earlier sessions. */
  public void changePassword(String newHash, Instant now) {
    this.passwordHash = Objects.requireNonNull(newHash);
    this.passwordChangeRequired = false;
    this.passwordChangedAt = now;
    endSessions();
  }

  /**
   * A temporary password set by an administrator: every session ends, and the next one may do
   * nothing but change it.
   */
  public void resetPassword(String temporaryHash, Instant now) {
    this.passwordHash = Objects.requireNonNull(temporaryHash);
    this.passwordChangeRequired = true;
    this.passwordChangedAt = now;
    endSessions();
  }

  /** An initial password chosen by an administrator that the user must replace at first login. */
  public void requirePasswordChange() {
    this.passwordChangeRequired = true;
  }

  /**
   * Whether a temporary password (one that must be changed) is older than {@code lifetime} at
   * {@code now}: it then no longer logs in, and an administrator resets it again.
   */
  public boolean temporaryPasswordExpired(Instant now, Duration lifetime) {
    return passwordChangeRequired
        && passwordChangedAt != null
        && !now.isBefore(passwordChangedAt.plus(lifetime));
  }

  /** Makes every token issued so far invalid. */
  public void endSessions() {
    tokenGeneration++;
  }

  public void grant(Set<Role> newRoles) {
    if (newRoles == null || newRoles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    if (!roles.equals(newRoles)) {
      endSessions();
    }
    roles.clear();
    roles.addAll(newRoles);
  }

  /** Confines the user to armoury {@code locationId}, or lifts the confinement with null. */
  public void assignTo(Long locationId) {
    if (!Objects.equals(armouryId, locationId)) {
      endSessions();
    }
    this.armouryId = locationId;
  }

  public Long armouryId() {
    return armouryId;
  }

  public void disable() {
    if (enabled) {
      endSessions();
    }
    enabled = false;
  }

  public void enable() {
    if (!enabled) {
      endSessions();
    }
    enabled = true;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String fullName() {
    return fullName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean enabled() {
    return enabled;
  }

  public long tokenGeneration() {
    return tokenGeneration;
  }

  public boolean passwordChangeRequired() {
    return passwordChangeRequired;
  }

  public Instant passwordChangedAt() {
    return passwordChangedAt;
  }

  public Instant lastLoginAt() {
    return lastLoginAt;
  }

  public Set<Role> roles() {
    return Collections.unmodifiableSet(roles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }
}
