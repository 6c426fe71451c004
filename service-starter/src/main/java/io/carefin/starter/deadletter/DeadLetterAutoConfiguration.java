package io.carefin.starter.deadletter;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.starter.messaging.MessagingAutoConfiguration;
import io.carefin.starter.messaging.MessagingProperties;

/**
 * Gives a service with Kafka listeners its dead-letter endpoints for ops, at the path it
 * names in {@code carefin.dead-letters.path}; the dead-letter topics read are the twins,
 * named as the starter's error handler names them, of the topics its listeners consume.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class,
		afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ KafkaOperations.class, JdbcClient.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("carefin.dead-letters.path")
@ConditionalOnBean({ ConsumerFactory.class, KafkaOperations.class, JdbcClient.class, TransactionTemplate.class })
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLetterAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@SuppressWarnings("unchecked")
	DeadLetters deadLetters(ConsumerFactory<?, ?> consumers, KafkaOperations<?, ?> kafka, MessagingProperties messaging,
			DeadLetterProperties properties, ObjectProvider<KafkaListenerEndpointRegistry> listeners, JdbcClient jdbc,
			TransactionTemplate transactions, ObjectProvider<JsonMapper> json, Clock clock, Environment environment) {
		String service = environment.getProperty("spring.application.name", "service");
		return new DeadLetters(consumers, (KafkaOperations<Object, Object>) kafka, messaging,
				() -> properties.topics().isEmpty() ? consumedBy(listeners) : properties.topics(),
				service + "-dead-letters", jdbc, transactions, json.getIfUnique(JsonMapper::new), clock);
	}

	@Bean
	DeadLetterController deadLetterController(DeadLetters deadLetters) {
		return new DeadLetterController(deadLetters);
	}

	private static List<String> consumedBy(ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
		KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
		if (registry == null) {
			return List.of();
		}
		return DeadLetters.topics(registry.getListenerContainers()
			.stream()
			.map((container) -> container.getContainerProperties().getTopics())
			.filter(Objects::nonNull)
			.toList());
	}

}
