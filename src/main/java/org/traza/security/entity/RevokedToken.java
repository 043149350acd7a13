package org.traza.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * A token ended before its expiry (a logout), by its {@code jti}. Kept until the token would have
 * expired anyway, after which the row is useless and may be purged.
 */
@Entity
@Table(name = "revoked_token")
@NamedQuery(
    name = RevokedToken.REVOKED_SINCE,
    query = "SELECT r FROM RevokedToken r WHERE r.revokedAt >= :since AND r.expiresAt > :now")
@NamedQuery(
    name = RevokedToken.PURGE_EXPIRED,
    query = "DELETE FROM RevokedToken r WHERE r.expiresAt <= :now")
public class RevokedToken {

  public static final String REVOKED_SINCE = "RevokedToken.revokedSince";
  public static final String PURGE_EXPIRED = "RevokedToken.purgeExpired";
  public static final int JTI_MAX = 64;

  @Id
  @Column(name = "jti", length = JTI_MAX)
  @Size(max = JTI_MAX)
  private String jti;

  @Column(name = "username", nullable = false, updatable = false, length = AppUser.USERNAME_MAX)
  @Size(max = AppUser.USERNAME_MAX)
  private String username;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at", nullable = false, updatable = false)
  private Instant revokedAt;

  protected RevokedToken() {}

  public RevokedToken(String jti, String username, Instant expiresAt, Instant revokedAt) {
    if (jti == null || jti.isEmpty() || jti.length() > JTI_MAX) {
      throw new IllegalArgumentException("invalid token id");
    }
    this.jti = jti;
    this.username = Objects.requireNonNull(username);
    this.expiresAt = Objects.requireNonNull(expiresAt);
    this.revokedAt = Objects.requireNonNull(revokedAt);
  }

  public String jti() {
    return jti;
  }

  public String username() {
    return username;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
