package io.carefin.gateway.ratelimit;

import java.time.Duration;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the rate limits, with budgets in Redis when configured and in memory otherwise,
 * and the client address the services are told.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	@Bean
	Budgets budgets(RateLimitProperties properties, MeterRegistry meters) {
		Duration longest = Stream
			.concat(Stream.of(properties.perUser().period()),
					properties.perClientAddress().stream().map(RateLimitProperties.PathBudget::period))
			.max(Duration::compareTo)
			.orElseThrow();
		return new Budgets(properties, longest, meters);
	}

	@Bean
	ClientAddresses clientAddresses(RateLimitProperties properties) {
		return new ClientAddresses(properties.trustedProxies(), properties.forwardedHeader());
	}

	@Bean
	ClientAddressFilter clientAddressFilter(ClientAddresses clientAddresses) {
		return new ClientAddressFilter(clientAddresses);
	}

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitProperties properties, ClientAddresses clientAddresses, Budgets budgets,
			MeterRegistry meters) {
		return new RateLimitFilter(properties, clientAddresses, budgets, meters);
	}

}
