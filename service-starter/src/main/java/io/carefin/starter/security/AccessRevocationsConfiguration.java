package io.carefin.starter.security;

import java.time.Clock;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import tools.jackson.databind.json.JsonMapper;

/**
 * The replica's {@link AccessRevocations}, fed from {@code auth.revocations} where Kafka
 * is on the class path; imported by the services' security auto-configuration and by the
 * gateway's security configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TrustProperties.class, RevocationProperties.class })
public class AccessRevocationsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AccessRevocations accessRevocations(TrustProperties trust, RevocationProperties properties, Clock clock) {
		return new AccessRevocations(trust, properties.keep(), clock);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.apache.kafka.clients.consumer.KafkaConsumer",
			"org.springframework.boot.kafka.autoconfigure.KafkaProperties" })
	@ConditionalOnBooleanProperty(name = "carefin.security.revocations.enabled", matchIfMissing = true)
	static class Feed {

		@Bean
		@ConditionalOnMissingBean
		RevocationFeed revocationFeed(KafkaProperties kafka, AccessRevocations revocations,
				RevocationProperties properties, ObjectProvider<JsonMapper> json, Environment environment) {
			String clientId = environment.getProperty("spring.application.name", "carefin") + "-revocations-"
					+ UUID.randomUUID();
			return new RevocationFeed(kafka.buildConsumerProperties(), clientId, revocations, properties,
					json.getIfUnique(JsonMapper::new));
		}

	}

}
