package org.traza.security.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The five roles. Their names appear in tokens, in {@code @RolesAllowed} and in the database. */
public enum Role {
  ARMOURER,
  INVESTIGATOR,
  AUDITOR,
  SUPERVISOR,
  ADMIN;

  /** Constants for annotations, which need compile-time strings. */
  public static final class Names {
    public static final String ARMOURER = "ARMOURER";
    public static final String INVESTIGATOR = "INVESTIGATOR";
    public static final String AUDITOR = "AUDITOR";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String ADMIN = "ADMIN";

    /**
     * Any authenticated user, whatever their role (the Servlet specification's {@code "**"}): for
     * reads that every role needs.
     */
    public static final String ANY_ROLE = "**";

    private Names() {}
  }

  public static Optional<Role> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String upper = name.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.name().equals(upper)).findFirst();
  }
}
