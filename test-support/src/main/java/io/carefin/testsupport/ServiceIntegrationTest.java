package io.carefin.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A {@link SpringBootTest} of a whole service on a random port, against a real
 * PostgreSQL, a real Kafka broker and the {@link TestIssuer test issuers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(RunningServer.class)
@DirtiesContext
@ContextConfiguration(initializers = { EmbeddedPostgres.Initializer.class, EmbeddedKafka.Initializer.class,
		TestIssuer.Initializer.class })
public @interface ServiceIntegrationTest {

}
