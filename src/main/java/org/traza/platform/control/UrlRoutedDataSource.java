package org.traza.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A plain DataSource that chooses its JDBC driver from the URL: MariaDB Connector/J (bundled in the
 * war) for {@code jdbc:mariadb:} and {@code jdbc:mysql:}, Payara's bundled H2 for {@code jdbc:h2:}.
 * Payara's connection pool wraps it; it only opens physical connections.
 */
public class UrlRoutedDataSource implements DataSource {

  private String url;
  private String user;
  private String password;
  private int loginTimeout;
  private PrintWriter logWriter;
  private volatile Driver driver;

  public void setUrl(String url) {
    this.url = url;
    this.driver = null;
  }

  public String getUrl() {
    return url;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getUser() {
    return user;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPassword() {
    return password;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    Properties props = new Properties();
    if (username != null && !unresolved(username)) {
      props.setProperty("user", username);
    }
    // MicroProfile Config treats an empty value as unset, so an unset password arrives as the
    // unresolved expression itself: that means "no password" (the embedded default).
    props.setProperty("password", pass == null || unresolved(pass) ? "" : pass);
    try {
      Connection connection = driver().connect(url, props);
      if (connection == null) {
        throw new SQLException("No JDBC driver accepts the configured db.url", "08001");
      }
      return connection;
    } catch (SQLException e) {
      if (Migrations.validating()) {
        // The schema check cannot even begin; Payara would otherwise fail the deployment and
        // keep running, so the check ends here with its verdict.
        Migrations.exitWith(Migrations.CHECK_FAILED, "database unreachable: " + e.getMessage());
      }
      throw e;
    }
  }

  private static boolean unresolved(String value) {
    return value.startsWith("${");
  }

  private Driver driver() throws SQLException {
    Driver current = driver;
    if (current == null) {
      current = driver = loadDriver(driverClassFor(url));
    }
    return current;
  }

  static String driverClassFor(String url) throws SQLException {
    if (url == null || unresolved(url)) {
      throw new SQLException("db.url is not configured", "08001");
    }
    if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
      return "org.mariadb.jdbc.Driver";
    }
    if (url.startsWith("jdbc:h2:")) {
      return "org.h2.Driver";
    }
    throw new SQLException(
        "db.url must start with jdbc:mariadb:, jdbc:mysql: or jdbc:h2:", "08001");
  }

  private Driver loadDriver(String className) throws SQLException {
    for (ClassLoader loader :
        new ClassLoader[] {
          getClass().getClassLoader(), Thread.currentThread().getContextClassLoader()
        }) {
      try {
        return (Driver)
            Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        // try the next loader
      }
    }
    throw new SQLException("JDBC driver " + className + " is not available", "08001");
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("Not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
