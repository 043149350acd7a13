package org.traza.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.traza.testing.ItDatabase;

/**
 * MariaDB connections as the pool gets them: auto-commit switches reach the server only when a
 * statement needs them, and transactions behave exactly as JDBC says.
 */
class DeferredAutoCommitIT {

  private static final String DB = "traza_it_autocommit";
  private static UrlRoutedDataSource dataSource;

  @BeforeAll
  static void schema() throws SQLException {
    ItDatabase.createSchemaAndUser(DB);
    dataSource = new UrlRoutedDataSource();
    dataSource.setUrl("jdbc:mariadb://" + ItDatabase.host() + ":" + ItDatabase.port() + "/" + DB);
    dataSource.setUser(DB);
    dataSource.setPassword(DB + "-pw");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE item (id INT PRIMARY KEY) ENGINE=InnoDB");
    }
  }

  @BeforeEach
  void empty() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM item");
    }
  }

  @Test
  void transactions_one_after_the_other_switch_the_session_once() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      long before = setStatements(c);
      for (int i = 0; i < 10; i++) {
        c.setAutoCommit(false); // as the pool does when the connection joins a transaction
        insert(c, i);
        c.commit();
        c.setAutoCommit(true); // and when the transaction has ended
      }
      // 20 switches asked for; the session was switched off once, and on again for this query
      assertThat(setStatements(c) - before).isEqualTo(2);
    }
    assertThat(countFromAnotherConnection()).isEqualTo(10);
  }

  @Test
  void a_statement_in_auto_commit_mode_is_committed_at_once() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      insert(c, 1);
      c.commit();
      c.setAutoCommit(true);
      assertThat(c.getAutoCommit()).isTrue();
      insert(c, 2);
      assertThat(countFromAnotherConnection()).isEqualTo(2);
    }
  }

  @Test
  void switching_auto_commit_on_commits_the_open_transaction() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      assertThat(c.getAutoCommit()).isFalse();
      insert(c, 1);
      assertThat(countFromAnotherConnection()).isZero();
      c.setAutoCommit(true);
      assertThat(countFromAnotherConnection()).isEqualTo(1);
    }
  }

  @Test
  void a_rolled_back_transaction_leaves_nothing() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      insert(c, 1);
      c.rollback();
      c.setAutoCommit(true);
      insert(c, 2);
    }
    assertThat(countFromAnotherConnection()).isEqualTo(1);
  }

  @Test
  void a_transaction_sees_what_others_committed_before_it_began() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      assertThat(count(c)).isZero();
      c.commit();
      c.setAutoCommit(true);
      try (Connection other = dataSource.getConnection()) {
        insert(other, 7);
      }
      c.setAutoCommit(false);
      assertThat(count(c)).as("a new snapshot, not the last transaction's").isEqualTo(1);
      c.commit();
      c.setAutoCommit(true);
    }
  }

  @Test
  void statements_answer_with_the_connection_they_came_from() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        var p = c.prepareStatement("SELECT 1")) {
      assertThat(s.getConnection()).isSameAs(c);
      assertThat(p.getConnection()).isSameAs(c);
      assertThat(c.unwrap(Connection.class)).isSameAs(c);
      assertThat(c).isEqualTo(c).isNotEqualTo(dataSource.getConnection());
    }
  }

  private static void insert(Connection c, int id) throws SQLException {
    try (var p = c.prepareStatement("INSERT INTO item (id) VALUES (?)")) {
      p.setInt(1, id);
      p.executeUpdate();
    }
  }

  private static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM item")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long countFromAnotherConnection() throws SQLException {
    try (Connection other = dataSource.getConnection()) {
      return count(other);
    }
  }

  /** SET statements this session has run (each auto-commit switch is one). */
  private static long setStatements(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Com_set_option'")) {
      rs.next();
      return rs.getLong(2);
    }
  }
}
