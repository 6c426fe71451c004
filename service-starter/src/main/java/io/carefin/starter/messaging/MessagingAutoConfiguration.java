package io.carefin.starter.messaging;

import java.time.Clock;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;

import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.Topics;
import io.carefin.starter.ClockAutoConfiguration;

/**
 * Gives a service's Kafka listeners the inbox, the dead-letter policy and JSON records
 * without Java type headers, and, where Spring Modulith is present, routes outgoing
 * {@link DomainEvent}s to their topics keyed by aggregate, sends again what could not be
 * sent and forgets what was sent long ago.
 */
@AutoConfiguration(after = ClockAutoConfiguration.class,
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		beforeName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.modulith.events.kafka.KafkaJacksonConfiguration" })
@ConditionalOnClass({ KafkaOperations.class, JdbcClient.class })
@EnableConfigurationProperties(MessagingProperties.class)
@PropertySource("classpath:io/carefin/starter/messaging/messaging.properties")
public class MessagingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(RecordMessageConverter.class)
	RecordMessageConverter eventMessageConverter(ObjectProvider<JsonMapper> json) {
		return new LogicalTypeMessageConverter(json.getIfUnique(JsonMapper::new));
	}

	@Bean
	KafkaAdmin.NewTopics platformTopics(MessagingProperties properties) {
		return new KafkaAdmin.NewTopics(Topics.ALL.stream()
			.flatMap((topic) -> Stream.of(topic, properties.deadLetterTopic(topic)))
			.map((topic) -> TopicBuilder.name(topic).partitions(properties.partitions()).build())
			.toArray(NewTopic[]::new));
	}

	@Bean
	@ConditionalOnMissingBean(RecordFilterStrategy.class)
	RecordFilterStrategy<Object, Object> unknownEventTypes(ObjectProvider<JsonMapper> json, MeterRegistry meters) {
		return new UnknownEventTypes(json.getIfUnique(JsonMapper::new), meters);
	}

	@Bean
	@ConditionalOnMissingBean
	Inbox inbox(JdbcClient jdbc, Clock clock) {
		return new Inbox(jdbc, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, MessagingProperties properties,
			MeterRegistry meters) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(properties.deadLetterTopic(record.topic()), -1));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
		backOff.setInitialInterval(properties.initialBackoff().toMillis());
		backOff.setMaxInterval(properties.maxBackoff().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			deadLetters.accept(record, ex);
			meters.counter("carefin.messaging.dead-lettered", "topic", record.topic()).increment();
		}, backOff);
		// a record that failed because the database (or another resource) was unreachable
		// is held and retried until it is back, never parked
		HoldWhileUnavailable.apply(handler, properties, meters, (ex) -> false);
		return handler;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EventExternalizationConfiguration.class)
	@EnableScheduling
	static class Outbox {

		@Bean
		OutboxChores outboxChores(ObjectProvider<IncompleteEventPublications> unsent,
				ObjectProvider<CompletedEventPublications> sent, MessagingProperties properties) {
			return new OutboxChores(unsent, sent, properties.outbox());
		}

		@Bean
		@ConditionalOnMissingBean
		EventExternalizationConfiguration eventExternalizationConfiguration() {
			return EventExternalizationConfiguration.externalizing()
				.select(DomainEvent.class::isInstance)
				.routeAll((event) -> {
					DomainEvent domainEvent = (DomainEvent) event;
					return RoutingTarget.forTarget(domainEvent.topic()).andKey(domainEvent.aggregateId());
				})
				.build();
		}

	}

}
