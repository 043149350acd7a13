package org.traza.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.traza.platform.entity.Sha256;

/**
 * A registered handheld device or PC. It proves itself with its own credential ({@code
 * code:secret}, the secret random and kept only as its SHA-256), serves one armoury, and is
 * disabled rather than deleted: custody events name it for decades.
 */
@Entity
@Table(name = "station")
@NamedQuery(name = Station.BY_CODE, query = "SELECT s FROM Station s WHERE s.code = :code")
@NamedQuery(name = Station.ALL, query = "SELECT s FROM Station s ORDER BY s.code")
public class Station {

  public static final String BY_CODE = "Station.byCode";
  public static final String ALL = "Station.all";
  public static final int CODE_MAX = 40;
  public static final int NAME_MAX = 200;
  public static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
  private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "code", nullable = false, updatable = false, length = CODE_MAX)
  @Size(max = CODE_MAX)
  private String code;

  @Column(name = "name", nullable = false, updatable = false, length = NAME_MAX)
  @Size(max = NAME_MAX)
  private String name;

  @Column(name = "armoury_id", nullable = false, updatable = false)
  private long armouryId;

  @Column(name = "secret_hash", nullable = false, length = 64)
  @Size(max = 64)
  private String secretHash;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String createdBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Station() {}

  public Station(
      String code, String name, long armouryId, String secret, Instant now, String actor) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("invalid station code");
    }
    this.code = code;
    this.name = Objects.requireNonNull(name);
    this.armouryId = armouryId;
    this.secretHash = hash(secret);
    this.enabled = true;
    this.createdAt = Objects.requireNonNull(now);
    this.createdBy = Objects.requireNonNull(actor);
  }

  public static boolean isValidCode(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  /** True when {@code secret} is this station's and the station is enabled. */
  public boolean accepts(String secret) {
    return enabled
        && secret != null
        && MessageDigest.isEqual(
            hash(secret).getBytes(StandardCharsets.US_ASCII),
            secretHash.getBytes(StandardCharsets.US_ASCII));
  }

  /** Replaces the credential: the old one stops working at once. */
  public void rotate(String secret) {
    this.secretHash = hash(secret);
  }

  public void disable() {
    enabled = false;
  }

  public void enable() {
    enabled = true;
  }

  private static String hash(String secret) {
    return Sha256.hex(Objects.requireNonNull(secret));
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public long armouryId() {
    return armouryId;
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }
}
