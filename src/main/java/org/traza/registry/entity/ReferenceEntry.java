package org.traza.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.traza.platform.entity.ProblemException;

/** A reference-data entry: a stable upper-case code and a display name. */
@MappedSuperclass
public abstract class ReferenceEntry {

  public static final int CODE_MAX = 20;
  public static final int NAME_MAX = 100;
  public static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9_-]{0,19}";
  private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "code", nullable = false, updatable = false, length = CODE_MAX)
  @Size(max = CODE_MAX)
  private String code;

  @Column(name = "name", nullable = false, length = NAME_MAX)
  @Size(max = NAME_MAX)
  private String name;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Version
  @Column(name = "version")
  private long version;

  protected ReferenceEntry() {}

  protected ReferenceEntry(String code, String name, Instant createdAt, String createdBy) {
    this.code = normaliseCode(code);
    rename(name);
    this.createdAt = Objects.requireNonNull(createdAt);
    this.createdBy = Objects.requireNonNull(createdBy);
  }

  /** Upper-cases a code and checks its shape; codes are what payloads and imports refer to. */
  public static String normaliseCode(String code) {
    String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    if (!CODE.matcher(upper).matches()) {
      throw ProblemException.invalid(
          "code", "use 1-20 of A-Z 0-9 _ -, starting with a letter or digit");
    }
    return upper;
  }

  public final void rename(String newName) {
    if (newName == null || newName.isBlank() || newName.length() > NAME_MAX) {
      throw ProblemException.invalid("name", "required, at most " + NAME_MAX + " characters");
    }
    this.name = newName.trim();
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

  public long version() {
    return version;
  }
}
