package org.traza.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UrlRoutedDataSourceTest {

  @Test
  void picks_the_driver_from_the_url() throws SQLException {
    assertThat(UrlRoutedDataSource.driverClassFor("jdbc:mariadb://db:3306/traza"))
        .isEqualTo("org.mariadb.jdbc.Driver");
    assertThat(UrlRoutedDataSource.driverClassFor("jdbc:mysql://db/traza"))
        .isEqualTo("org.mariadb.jdbc.Driver");
    assertThat(UrlRoutedDataSource.driverClassFor("jdbc:h2:file:./x;MODE=MariaDB"))
        .isEqualTo("org.h2.Driver");
  }

  @Test
  void an_unconfigured_or_foreign_url_is_a_connection_error() {
    assertThatThrownBy(() -> UrlRoutedDataSource.driverClassFor("${MPCONFIG=db.url}"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"));
    assertThatThrownBy(() -> UrlRoutedDataSource.driverClassFor("jdbc:postgresql://x/y"))
        .isInstanceOf(SQLException.class);
  }

  @Test
  void connects_to_mariadb_with_the_bundled_driver() throws SQLException {
    UrlRoutedDataSource ds = new UrlRoutedDataSource();
    ds.setUrl("jdbc:mariadb://127.0.0.1:1/none?connectTimeout=500");
    ds.setUser("nobody");
    ds.setPassword("${MPCONFIG=db.password}");
    assertThatThrownBy(ds::getConnection)
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).startsWith("08"));
  }
}
