package org.traza.testing;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one deployment every integration test uses: the war the build produced, as shipped. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive war() {
    File war = new File(System.getProperty("traza.war", "../target/server/ROOT.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("Build the war first (mvn verify): " + war.getAbsolutePath());
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /**
   * The base URI of the deployed application. The connector reports the machine's external address;
   * the tests talk to the loopback.
   */
  public static URI base(URL deployed) {
    return URI.create("http://127.0.0.1:" + deployed.getPort() + "/");
  }
}
