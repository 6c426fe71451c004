package io.carefin.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import io.carefin.testsupport.EmbeddedPostgres;

/**
 * A {@link SpringBootTest} of the portal on a random port, with its sessions in a real
 * PostgreSQL and the gateway stood in by WireMock ({@link Gateway}); every test class
 * with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "carefin.portal.maintenance-notice=CareFin is unavailable Sunday from 2 a.m. to 4 a.m. Eastern.")
@ContextConfiguration(initializers = { EmbeddedPostgres.Initializer.class, Gateway.Initializer.class })
public @interface PortalIntegrationTest {

}
