package org.traza.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares the real MariaDB for integration tests, once per run and before Arquillian starts
 * Payara: a fresh schema and a dedicated user (MicroProfile Config cannot carry the empty root
 * password). Fails the run when MariaDB is unreachable; never skips.
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
        relay.start();
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
   * Drops and creates schema {@code db} and a user of the same name (password {@code db + "-pw"})
   * with every privilege on it, as MariaDB's administrator.
   */
  public static void createSchemaAndUser(String db) throws SQLException {
    String url = "jdbc:mariadb://" + host() + ":" + port() + "/";
    String user = System.getProperty("it.db.admin.user", "root");
    String password = System.getProperty("it.db.admin.password", "");
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
      s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
      s.execute("CREATE USER IF NOT EXISTS '" + db + "'@'%' IDENTIFIED BY '" + db + "-pw'");
      s.execute("CREATE USER IF NOT EXISTS '" + db + "'@'localhost' IDENTIFIED BY '" + db + "-pw'");
      for (String h : List.of("%", "localhost")) {
        s.execute("ALTER USER '" + db + "'@'" + h + "' IDENTIFIED BY '" + db + "-pw'");
        s.execute("GRANT ALL PRIVILEGES ON " + db + ".* TO '" + db + "'@'" + h + "'");
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

  /** A JDBC connection as MariaDB's administrator to the test schema, to inspect or tamper. */
  public static Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://" + host() + ":" + port() + "/" + name(),
        System.getProperty("it.db.admin.user", "root"),
        System.getProperty("it.db.admin.password", ""));
  }

  /** A JDBC connection as the application's own database user. */
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

  /** A minimal TCP relay: accepts on a local port and pipes bytes to MariaDB. */
  static final class Relay extends Thread {
    private final int listenPort;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    Relay(int listenPort, String targetHost, int targetPort) {
      super("it-db-relay");
      setDaemon(true);
      this.listenPort = listenPort;
      this.targetHost = targetHost;
      this.targetPort = targetPort;
    }

    @Override
    public void run() {
      try (ServerSocket server =
          new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress())) {
        while (true) {
          Socket client = server.accept();
          if (cut) {
            client.close();
            continue;
          }
          Socket upstream = new Socket(targetHost, targetPort);
          open.add(client);
          open.add(upstream);
          pipe(client, upstream);
          pipe(upstream, client);
        }
      } catch (IOException e) {
        throw new IllegalStateException("database relay stopped", e);
      }
    }

    private void pipe(Socket from, Socket to) {
      Thread t =
          new Thread(
              () -> {
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  in.transferTo(out);
                } catch (IOException e) {
                  // connection closed
                } finally {
                  close(from);
                  close(to);
                }
              },
              "it-db-pipe");
      t.setDaemon(true);
      t.start();
    }

    void cutOff() {
      cut = true;
      open.forEach(Relay::close);
      open.clear();
    }

    void restore() {
      cut = false;
    }

    private static void close(Socket s) {
      try {
        s.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
