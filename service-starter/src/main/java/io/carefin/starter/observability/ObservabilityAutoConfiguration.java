package io.carefin.starter.observability;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.carefin.starter.ClockAutoConfiguration;

/**
 * Business-event and outbox meters for every service, the request id on its log lines,
 * spans to the local mode's Zipkin, and the observability defaults (latency buckets at
 * the objectives, Kafka observations, sampling) a service may override in its own
 * configuration.
 */
@AutoConfiguration(after = ClockAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@PropertySource("classpath:io/carefin/starter/observability/observability.properties")
public class ObservabilityAutoConfiguration {

	/**
	 * Carries the trace (and the logging context) into work handed to the application's
	 * task executor, above all the outbox's asynchronous send to Kafka after a commit, so
	 * that the event's spans and its consumers' continue the request that wrote it.
	 */
	@Bean
	@ConditionalOnMissingBean(TaskDecorator.class)
	@ConditionalOnClass(name = "io.micrometer.context.ContextSnapshotFactory")
	ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

	/**
	 * Where {@code carefin.tracing.zipkin-endpoint} names a Zipkin server (the local
	 * mode's), spans go there too, beside any OTLP export.
	 */
	@Bean(destroyMethod = "")
	@ConditionalOnProperty("carefin.tracing.zipkin-endpoint")
	ZipkinSpanExporter zipkinSpanExporter(Environment environment) {
		return new ZipkinSpanExporter(environment.getRequiredProperty("carefin.tracing.zipkin-endpoint"));
	}

	/**
	 * Where a service has transactions (every service but the gateway), its business
	 * events are counted once they commit.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TransactionSynchronizationManager.class)
	static class Events {

		@Bean
		BusinessEventMetrics businessEventMetrics(MeterRegistry meters) {
			return new BusinessEventMetrics(meters);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class Servlet {

		@Bean
		FilterRegistrationBean<RequestIdLogging> requestIdLogging() {
			FilterRegistrationBean<RequestIdLogging> registration = new FilterRegistrationBean<>(
					new RequestIdLogging());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

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
