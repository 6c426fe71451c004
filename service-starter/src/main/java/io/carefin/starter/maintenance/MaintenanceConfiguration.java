package io.carefin.starter.maintenance;

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
 * The replica's {@link MaintenanceMode}, fed from {@code auth.maintenance} where Kafka is
 * on the class path; imported by the gateway, which refuses the API during maintenance,
 * and by the portal, which shows its message. Other services need not know of it: no
 * request reaches them through the gateway during maintenance but staff's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaintenanceProperties.class)
public class MaintenanceConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MaintenanceMode maintenanceMode(ObjectProvider<Clock> clock) {
		return new MaintenanceMode(clock.getIfAvailable(Clock::systemUTC));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.apache.kafka.clients.consumer.KafkaConsumer",
			"org.springframework.boot.kafka.autoconfigure.KafkaProperties" })
	@ConditionalOnBooleanProperty(name = "carefin.maintenance.enabled", matchIfMissing = true)
	static class Feed {

		@Bean
		@ConditionalOnMissingBean
		MaintenanceFeed maintenanceFeed(KafkaProperties kafka, MaintenanceMode mode, MaintenanceProperties properties,
				ObjectProvider<JsonMapper> json, Environment environment) {
			String clientId = environment.getProperty("spring.application.name", "carefin") + "-maintenance-"
					+ UUID.randomUUID();
			return new MaintenanceFeed(kafka.buildConsumerProperties(), clientId, mode, properties,
					json.getIfUnique(JsonMapper::new));
		}

	}

}
