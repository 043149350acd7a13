package org.traza.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares the real MariaDB for integration tests, once per run and before Arquillian starts
 * Payara: a fresh schema with an owner and a runtime account, as in production (MicroProfile Config
 * cannot carry the empty root password anyway). Fails the run when MariaDB is unreachable; never
 * skips.
 *
 * <p>Payara reaches the database through a TCP relay in this JVM, so {@link #cutOff()} and {@link
 * #restore()} can take the database away from the server and give it back.
 */
public final class ItDatabase implements BeforeAllCallback {

  private static Relay relay;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (ItDatabase.class) {
      if (relay == null) {
        createSchemaAndUser(name());
        relay = new Relay(Integer.getInteger("it.db.proxyPort"), host(), port());
      }
    }
  }

  public static String host() {
    return System.getProperty("it.db.host", "127.0.0.1");
  }

  public static int port() {
    return Integer.getInteger("it.db.port", 3306);
  }

  public static String name() {
    return System.getProperty("it.db.name", "traza_it");
  }

  /**
   * Drops and creates schema {@code db} and, as production has them, its two accounts: the owner
   * {@code db + "_owner"} (every privilege on the schema, with GRANT OPTION: it runs the migrations
   * and grants the runtime account) and the runtime account {@code db}, which can only read the
   * schema until the server's migrations grant it what the application needs. Passwords are the
   * names followed by {@code -pw}. As MariaDB's administrator.
   */
  public static void createSchemaAndUser(String db) throws SQLException {
    String url = "jdbc:mariadb://" + host() + ":" + port() + "/";
    String user = System.getProperty("it.db.admin.user", "root");
    String password = System.getProperty("it.db.admin.password", "");
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
      s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
      for (String h : List.of("%", "localhost")) {
        for (String account : List.of(db, owner(db))) {
          String name = "'" + account + "'@'" + h + "'";
          s.execute("DROP USER IF EXISTS " + name);
          s.execute("CREATE USER " + name + " IDENTIFIED BY '" + account + "-pw'");
        }
        String runtime = "'" + db + "'@'" + h + "'";
        String owner = "'" + owner(db) + "'@'" + h + "'";
        s.execute("GRANT ALL PRIVILEGES ON " + db + ".* TO " + owner + " WITH GRANT OPTION");
        // EclipseLink connects while the server deploys, before the migrations have made a table
        s.execute("GRANT SELECT ON " + db + ".* TO " + runtime);
      }
    } catch (SQLException e) {
      throw new SQLException(
          "MariaDB is not reachable at "
              + url
              + " as "
              + user
              + ": integration tests need it (start it, or set -Dit.db.host/-Dit.db.port). "
              + e.getMessage(),
          e);
    }
  }

  /** The owner account of schema {@code db}; its password is the name followed by {@code -pw}. */
  public static String owner(String db) {
    return db + "_owner";
  }

  /** A JDBC connection as MariaDB's administrator to the test schema, to inspect or tamper. */
  public static Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://" + host() + ":" + port() + "/" + name(),
        System.getProperty("it.db.admin.user", "root"),
        System.getProperty("it.db.admin.password", ""));
  }

  /** A JDBC connection as the schema's owner, the account that runs the migrations. */
  public static Connection ownerConnection() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://" + host() + ":" + port() + "/" + name(),
        owner(name()),
        owner(name()) + "-pw");
  }

  /** A JDBC connection as the application's own (runtime) database account. */
  public static Connection applicationConnection() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://" + host() + ":" + port() + "/" + name(), name(), name() + "-pw");
  }

  /** Drops every open connection and refuses new ones until {@link #restore()}. */
  public static void cutOff() {
    relay.cutOff();
  }

  public static void restore() {
    relay.restore();
  }

  /**
   * Cuts the server's database connection in the commit window of the next transaction that sends a
   * statement containing {@code marker}: before the {@code COMMIT} reaches MariaDB, or just after
   * it ({@code letCommitThrough}). See {@link Relay#cutAtCommit}.
   */
  public static java.util.concurrent.CountDownLatch cutAtCommit(
      String marker, boolean letCommitThrough) {
    return relay.cutAtCommit(marker, letCommitThrough);
  }

  /** Disarms {@link #cutAtCommit} if it has not fired. */
  public static void disarm() {
    relay.disarm();
  }
}
