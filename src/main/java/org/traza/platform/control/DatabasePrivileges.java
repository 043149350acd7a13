package org.traza.platform.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the application's own MariaDB account may do to the schema it uses. The ledgers (audit log,
 * custody events, scans, destruction records) are append-only through triggers; an account that
 * holds TRIGGER can drop those triggers, one that holds DROP can TRUNCATE a ledger (which fires no
 * DELETE trigger), and one that holds ALTER or CREATE can rename a ledger away and put another in
 * its place. The runtime account needs none of them, so the server refuses to run with them.
 *
 * <p>The grants are read with {@code SHOW GRANTS}, for the account itself, every role it may enable
 * (roles granted to roles too) and PUBLIC, and kept when they reach the current database: global
 * ({@code *.*}), on a database pattern that matches it, or on one of its tables. Other databases
 * are not this server's business. Not for H2: the embedded default has one account and no triggers.
 */
public final class DatabasePrivileges {

  /** Privileges that change the schema; the runtime account needs none of them. */
  static final Set<String> SCHEMA_CHANGING = Set.of("ALTER", "CREATE", "DROP", "INDEX", "TRIGGER");

  private static final String NAME = "`(?:[^`]|``)*`";
  private static final Pattern PRIVILEGE_GRANT =
      Pattern.compile(
          "^GRANT (.+?) ON (?:(PROCEDURE|FUNCTION|PACKAGE BODY|PACKAGE) )?(\\S+) TO (.+)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ROLE_GRANT =
      Pattern.compile("^GRANT ((?:" + NAME + "(?:, )?)+) TO ", Pattern.CASE_INSENSITIVE);
  private static final Pattern QUOTED = Pattern.compile(NAME);
  private static final Pattern COLUMNS = Pattern.compile("\\s*\\([^)]*\\)");

  private DatabasePrivileges() {}

  public static boolean isMariaDb(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    return product.contains("mariadb") || product.contains("mysql");
  }

  /**
   * The schema-changing privileges this connection's account holds on its current database, one
   * sentence per grant ({@code TRIGGER, DROP on `traza`.* granted to `traza`@`%`}); empty when
   * there are none or the database is not MariaDB.
   */
  public static List<String> excessive(Connection c) throws SQLException {
    if (!isMariaDb(c)) {
      return List.of();
    }
    String schema;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
      rs.next();
      schema = rs.getString(1);
    }
    if (schema == null) {
      throw new SQLException("db.url names no database");
    }
    return findings(schema, grants(c));
  }

  /** Every grant line of the account, its roles (transitively) and PUBLIC. */
  static List<String> grants(Connection c) throws SQLException {
    List<String> lines = new ArrayList<>(show(c, "SHOW GRANTS"));
    Set<String> seen = new HashSet<>();
    Deque<String> roles = new ArrayDeque<>(roles(lines));
    while (!roles.isEmpty()) {
      String role = roles.pop();
      if (seen.add(role)) {
        List<String> granted = show(c, "SHOW GRANTS FOR " + quote(role));
        lines.addAll(granted);
        roles.addAll(roles(granted));
      }
    }
    try {
      lines.addAll(show(c, "SHOW GRANTS FOR PUBLIC"));
    } catch (SQLException beforeMariaDb1011) {
      // no PUBLIC role before MariaDB 10.11
    }
    return lines;
  }

  private static List<String> show(Connection c, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return lines;
  }

  /** The roles named by {@code GRANT `role` TO ...} lines. */
  static List<String> roles(List<String> lines) {
    List<String> roles = new ArrayList<>();
    for (String line : lines) {
      Matcher m = ROLE_GRANT.matcher(line);
      if (m.find() && !line.toUpperCase(Locale.ROOT).contains(" ON ")) {
        Matcher name = QUOTED.matcher(m.group(1));
        while (name.find()) {
          roles.add(unquote(name.group()));
        }
      }
    }
    return roles;
  }

  /** The grants among {@code lines} that give a schema-changing privilege on {@code schema}. */
  static List<String> findings(String schema, List<String> lines) {
    Set<String> findings = new LinkedHashSet<>();
    for (String line : lines) {
      Matcher m = PRIVILEGE_GRANT.matcher(line.trim());
      if (!m.matches() || m.group(2) != null || m.group(1).equalsIgnoreCase("PROXY")) {
        continue;
      }
      String target = m.group(3);
      if (!reaches(target, schema)) {
        continue;
      }
      List<String> held = new ArrayList<>();
      for (String privilege : COLUMNS.matcher(m.group(1)).replaceAll("").split(",")) {
        String p = privilege.trim().toUpperCase(Locale.ROOT);
        if (p.equals("ALL") || p.equals("ALL PRIVILEGES")) {
          held.add("ALL PRIVILEGES");
        } else if (SCHEMA_CHANGING.contains(p)) {
          held.add(p);
        }
      }
      if (!held.isEmpty()) {
        findings.add(
            String.join(", ", held) + " on " + target + " granted to " + grantee(m.group(4)));
      }
    }
    return List.copyOf(findings);
  }

  private static String grantee(String rest) {
    String upper = rest.toUpperCase(Locale.ROOT);
    int end = rest.length();
    for (String word : List.of(" IDENTIFIED ", " WITH ", " REQUIRE ")) {
      int at = upper.indexOf(word);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return rest.substring(0, end).trim();
  }

  /** Whether a grant's target ({@code *.*}, {@code `db`.*}, {@code `db`.`t`}) reaches a schema. */
  static boolean reaches(String target, String schema) {
    if (target.equals("*.*") || target.equals("*")) {
      return true;
    }
    Matcher first = QUOTED.matcher(target);
    String db;
    String rest;
    if (first.lookingAt()) {
      db = unquote(first.group());
      rest = target.substring(first.end());
    } else {
      int dot = target.indexOf('.');
      db = dot < 0 ? target : target.substring(0, dot);
      rest = dot < 0 ? "" : target.substring(dot);
    }
    if (rest.equals(".*")) {
      return likePattern(db).matcher(schema).matches();
    }
    return db.equals(schema); // a table grant names its database exactly
  }

  /**
   * A database grant's name as a pattern: {@code _} and {@code %} are wildcards, {@code \} escapes.
   */
  private static Pattern likePattern(String name) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '\\' && i + 1 < name.length()) {
        regex.append(Pattern.quote(String.valueOf(name.charAt(++i))));
      } else if (ch == '_') {
        regex.append('.');
      } else if (ch == '%') {
        regex.append(".*");
      } else {
        regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Why the server will not run with these grants and how to put it right. */
  public static String explain(List<String> findings) {
    return "the application's database account (db.user, DB_USER) holds privileges that change"
        + " the schema: "
        + String.join("; ", findings)
        + ". With TRIGGER it can drop the triggers that keep the audit log, custody events, scans"
        + " and destruction records append-only, with DROP it can TRUNCATE them, with ALTER or"
        + " CREATE it can rename one away and put another in its place; it needs none of them."
        + " Run the application as an account without them and the migrations as the schema's"
        + " owner (db.migration.user and db.migration.password, DB_MIGRATION_USER and"
        + " DB_MIGRATION_PASSWORD): as MariaDB's administrator, REVOKE ALL PRIVILEGES, GRANT"
        + " OPTION FROM the application's account, then start the server with the owner configured"
        + " and it grants the application's account what it needs (see docs/database-accounts.md).";
  }

  /** The connection's account as a GRANT names it: {@code 'traza'@'%'}. */
  public static String currentAccount(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
      rs.next();
      return account(rs.getString(1));
    }
  }

  /** {@code traza@%} (as CURRENT_USER() gives it) as {@code 'traza'@'%'}. */
  static String account(String userAtHost) {
    int at = userAtHost.lastIndexOf('@');
    String user = at < 0 ? userAtHost : userAtHost.substring(0, at);
    String host = at < 0 ? "%" : userAtHost.substring(at + 1);
    return literal(user) + "@" + literal(host);
  }

  private static String literal(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /**
   * A MariaDB JDBC URL without its database ({@code jdbc:mariadb://h:3306/traza?x=y} becomes {@code
   * jdbc:mariadb://h:3306/?x=y}); empty for other databases.
   */
  public static Optional<String> withoutDatabase(String url) {
    if (url == null || !(url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:"))) {
      return Optional.empty();
    }
    int hosts = url.indexOf("//");
    if (hosts < 0) {
      return Optional.of(url);
    }
    int query = url.indexOf('?', hosts);
    String head = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query);
    int slash = head.indexOf('/', hosts + 2);
    return Optional.of((slash < 0 ? head : head.substring(0, slash)) + "/" + params);
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static String unquote(String quoted) {
    return quoted.substring(1, quoted.length() - 1).replace("``", "`");
  }
}
