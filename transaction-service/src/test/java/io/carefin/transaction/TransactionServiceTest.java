package io.carefin.transaction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

import io.carefin.testsupport.MovableClock;
import io.carefin.testsupport.ServiceIntegrationTest;

/**
 * transaction-service against real PostgreSQL and Kafka, with a movable clock and the
 * fixtures.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceIntegrationTest
@Import({ MovableClock.Configuration.class, TransactionFixtures.class })
public @interface TransactionServiceTest {

}
