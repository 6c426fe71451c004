package io.carefin.starter.idempotency;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offers {@link Idempotency} to services that take money-moving requests and say so with
 * {@code carefin.idempotency.enabled=true} (their schema has the {@code idempotency_key}
 * table), and forgets expired keys hourly where scheduling is enabled.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnBean({ JdbcClient.class, TransactionTemplate.class })
@ConditionalOnBooleanProperty("carefin.idempotency.enabled")
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Idempotency idempotency(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock,
			IdempotencyProperties properties) {
		return new Idempotency(jdbc, transactions, json, clock, properties);
	}

	@Bean
	ExpiredKeys expiredIdempotencyKeys(Idempotency idempotency) {
		return new ExpiredKeys(idempotency);
	}

	/**
	 * Forgets expired keys every hour.
	 */
	static class ExpiredKeys {

		private final Idempotency idempotency;

		ExpiredKeys(Idempotency idempotency) {
			this.idempotency = idempotency;
		}

		@Scheduled(fixedDelayString = "${carefin.idempotency.purge-every:PT1H}")
		void purge() {
			this.idempotency.purgeExpired();
		}

	}

}
