package org.traza.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.traza.platform.control.Database;

/** MicroProfile Health: /health/live (the process) and /health/ready (the database too). */
@ApplicationScoped
public class HealthChecks {

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Produces
  @Liveness
  HealthCheck live() {
    return () -> HealthCheckResponse.up("traza");
  }

  @Produces
  @Readiness
  HealthCheck database() {
    return () -> {
      try (Connection c = dataSource.getConnection()) {
        boolean valid = c.isValid(2);
        return HealthCheckResponse.named("database").status(valid).build();
      } catch (Exception e) {
        return HealthCheckResponse.named("database").down().build();
      }
    };
  }
}
