package org.traza.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the integration tests that talk to the deployed server over HTTP: the one deployment (the
 * war as built), and an {@link Api} client pointed at it.
 */
@TrazaIT
public abstract class AgainstServer {

  @Deployment(testable = false)
  public static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  protected Api api;

  @BeforeEach
  void client() {
    api = new Api(Deployments.base(deployed));
  }
}
