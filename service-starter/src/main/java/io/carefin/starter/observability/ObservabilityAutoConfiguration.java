package io.carefin.starter.observability;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

import io.carefin.starter.ClockAutoConfiguration;

/**
 * Business-event and outbox meters for every service, and the observability defaults
 * (latency buckets at the objectives, Kafka observations) a service may override in its
 * own configuration.
 */
@AutoConfiguration(after = ClockAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@PropertySource("classpath:io/carefin/starter/observability/observability.properties")
public class ObservabilityAutoConfiguration {

	@Bean
	BusinessEventMetrics businessEventMetrics(MeterRegistry meters) {
		return new BusinessEventMetrics(meters);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcClient.class, IncompleteEventPublications.class })
	static class Outbox {

		@Bean
		OutboxMetrics outboxMetrics(JdbcClient jdbc, Clock clock) {
			return new OutboxMetrics(jdbc, clock);
		}

	}

}
