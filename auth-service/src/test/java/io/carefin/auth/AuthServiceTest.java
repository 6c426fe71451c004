package io.carefin.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import io.carefin.testsupport.MovableClock;
import io.carefin.testsupport.ServiceIntegrationTest;

/**
 * auth-service against real PostgreSQL and Kafka, with a movable clock, cheap Argon2id
 * parameters, a test key-encryption key, and its own tokens trusted as the practice
 * users' issuer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceIntegrationTest
@Import({ MovableClock.Configuration.class, AuthFixtures.class })
@TestPropertySource(properties = { "carefin.auth.tokens.issuer=${carefin.security.issuers[0].issuer-uri}",
		"carefin.auth.tokens.key-encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
		"carefin.auth.password.memory-kib=1024", "carefin.auth.password.iterations=1" })
public @interface AuthServiceTest {

}
