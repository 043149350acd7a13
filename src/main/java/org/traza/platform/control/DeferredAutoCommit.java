package org.traza.platform.control;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A connection whose auto-commit mode reaches the database only when a statement needs it.
 *
 * <p>Payara's pool turns auto-commit off when a connection joins a transaction and on again when
 * the transaction ends: with MariaDB that is a {@code set autocommit} round trip each time, two of
 * the nine statements of a custody event, and when the connection's next use is another transaction
 * both change nothing. Here a change of mode is remembered and sent just before the next statement
 * runs (or any other call that may reach the database), and not at all when the mode is switched
 * back before that.
 *
 * <p>What callers see is unchanged: {@link Connection#getAutoCommit()} answers the mode they set,
 * statements run in that mode, and switching auto-commit on commits an open transaction, as JDBC
 * requires.
 */
final class DeferredAutoCommit implements InvocationHandler {

  /** Connection methods that neither run SQL nor depend on the session's mode. */
  private static final Set<String> LOCAL =
      Set.of(
          "close",
          "isClosed",
          "isValid",
          "createStatement",
          "prepareStatement",
          "prepareCall",
          "nativeSQL",
          "getWarnings",
          "clearWarnings",
          // Connector/J keeps client info on the client side; the pool reads it on every borrow
          "getClientInfo",
          "setClientInfo",
          "isWrapperFor",
          "toString");

  private final Connection real;
  private final Connection proxy;
  private boolean wanted;
  private boolean onServer;

  private DeferredAutoCommit(Connection real) throws SQLException {
    this.real = real;
    this.wanted = this.onServer = real.getAutoCommit();
    this.proxy =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, this);
  }

  static Connection wrap(Connection real) throws SQLException {
    return new DeferredAutoCommit(real).proxy;
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "setAutoCommit":
        setAutoCommit((Boolean) args[0]);
        return null;
      case "getAutoCommit":
        if (real.isClosed()) {
          throw new SQLException("Connection is closed", "08003");
        }
        return wanted;
      case "equals":
        return self == args[0];
      case "hashCode":
        return System.identityHashCode(self);
      case "unwrap":
        return ((Class<?>) args[0]).isInstance(self) ? self : call(real, method, args);
      case "commit", "rollback":
        if (args == null) {
          // no open transaction while the session is in auto-commit mode: nothing to send
          return call(real, method, null);
        }
        break;
      default:
        if (LOCAL.contains(method.getName())) {
          Object result = call(real, method, args);
          return result instanceof Statement s ? statement(s) : result;
        }
    }
    sync();
    return call(real, method, args);
  }

  private void setAutoCommit(boolean on) throws SQLException {
    if (on && !wanted && !onServer) {
      real.commit(); // JDBC: switching auto-commit on commits; sends nothing when nothing is open
    }
    if (real.isClosed()) {
      throw new SQLException("Connection is closed", "08003");
    }
    wanted = on;
  }

  /** Brings the session to the mode the caller last set. */
  private void sync() throws SQLException {
    if (onServer != wanted) {
      real.setAutoCommit(wanted);
      onServer = wanted;
    }
  }

  private Statement statement(Statement s) {
    Class<?> type =
        s instanceof CallableStatement
            ? CallableStatement.class
            : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    return (Statement)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              switch (method.getName()) {
                case "equals":
                  return self == args[0];
                case "hashCode":
                  return System.identityHashCode(self);
                case "getConnection":
                  return proxy;
                default:
                  if (method.getName().startsWith("execute")) {
                    sync();
                  }
                  return call(s, method, args);
              }
            });
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
