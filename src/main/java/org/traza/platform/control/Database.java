package org.traza.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's one datasource. Every attribute comes from MicroProfile Config, so the same
 * artefact runs on the embedded H2 default or on MariaDB with {@code DB_URL}, {@code DB_USER} and
 * {@code DB_PASSWORD}. {@link UrlRoutedDataSource} picks the JDBC driver from the URL, so operators
 * never name a driver class.
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "org.traza.platform.control.UrlRoutedDataSource",
    url = "${MPCONFIG=db.url}",
    user = "${MPCONFIG=db.user}",
    password = "${MPCONFIG=db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    maxIdleTime = 300,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      // A round trip per borrow doubled the cost of every query; once in 10 s per connection is
      // enough, since one failure closes them all.
      "fish.payara.validate-atmost-once-period-in-seconds=10",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=5000",
      // Prepared statements kept per connection: without a cache every statement EclipseLink runs
      // is created and parsed again by the driver. The type must be blank (LRU): left unset,
      // Payara reads it as the class name "null" (payara/Payara#6647).
      "fish.payara.statement-cache-size=100",
      "fish.payara.statement-cache-type= "
    })
@Singleton
public class Database {

  public static final String JNDI_NAME = "java:app/jdbc/traza";
}
