package org.traza.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test over real HTTP against the managed Payara Micro on the real MariaDB. The
 * database is prepared before Arquillian starts the server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({ItDatabase.class, ArquillianExtension.class})
public @interface TrazaIT {}
