/**
 * Platform: the JAX-RS application, the datasource and Flyway migrations, problem details, the
 * request context, the clock and health checks. No business rules live here.
 *
 * <p>Publishes {@link org.traza.platform.entity.ActionPerformed}, the one event every feature fires
 * for what it changes; the audit feature observes it.
 */
package org.traza.platform;
