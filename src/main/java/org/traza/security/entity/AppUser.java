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
 * are disabled. Repeated failed logins lock the account for a while.
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
  public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";
  private static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);

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

  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(name = "locked_until")
  private Instant lockedUntil;

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

  /** True while a lockout runs at {@code now}. */
  public boolean isLocked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /**
   * Counts a failed login; the {@code maxAttempts}-th in a row locks the account for {@code
   * lockFor}. Returns true when this failure locked it.
   */
  public boolean recordFailedLogin(Instant now, int maxAttempts, Duration lockFor) {
    failedLogins++;
    if (failedLogins >= maxAttempts) {
      lockedUntil = now.plus(lockFor);
      failedLogins = 0;
      return true;
    }
    return false;
  }

  public void recordSuccessfulLogin(Instant now) {
    failedLogins = 0;
    lockedUntil = null;
    lastLoginAt = now;
  }

  public void grant(Set<Role> newRoles) {
    if (newRoles == null || newRoles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    roles.clear();
    roles.addAll(newRoles);
  }

  /** Confines the user to armoury {@code locationId}, or lifts the confinement with null. */
  public void assignTo(Long locationId) {
    this.armouryId = locationId;
  }

  public Long armouryId() {
    return armouryId;
  }

  public void disable() {
    enabled = false;
  }

  /** Enabling also lifts a lockout: it is how an administrator unlocks an account. */
  public void enable() {
    enabled = true;
    failedLogins = 0;
    lockedUntil = null;
  }

  public void changePasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash);
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

  public Instant lockedUntil() {
    return lockedUntil;
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
