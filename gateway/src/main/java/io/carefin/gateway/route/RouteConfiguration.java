package io.carefin.gateway.route;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.carefin.starter.web.ProblemTypes;

/**
 * One route per service, by the path prefix it owns, each behind its own circuit breaker
 * and time limit so that a down or slow service answers a fast 503 problem and leaves the
 * other routes alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ServiceUris.class, ResilienceProperties.class })
class RouteConfiguration {

	static final String FALLBACK_PATH = "/_gateway/unavailable/";

	@Bean
	RouteLocator serviceRoutes(RouteLocatorBuilder routes, ServiceUris services) {
		RouteLocatorBuilder.Builder builder = routes.routes();
		route(builder, "auth-service", services.authService(), "/api/auth/**", "/.well-known/jwks.json",
				"/.well-known/openid-configuration");
		route(builder, "transaction-service", services.transactionService(), "/api/transactions/**");
		route(builder, "account-service", services.accountService(), "/api/accounts/**");
		route(builder, "reporting-service", services.reportingService(), "/api/reports/**");
		route(builder, "notification-service", services.notificationService(), "/api/notifications/**");
		return builder.build();
	}

	private static void route(RouteLocatorBuilder.Builder builder, String service, URI uri, String... paths) {
		builder.route(service,
				(route) -> route.path(paths)
					.filters((filters) -> filters.circuitBreaker(
							(breaker) -> breaker.setName(service).setFallbackUri("forward:" + FALLBACK_PATH + service)))
					.uri(uri));
	}

	// Resilience4j's Boot 3 auto-configuration, which would declare these, refuses Boot 4
	@Bean
	CircuitBreakerRegistry circuitBreakerRegistry(MeterRegistry meters) {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
		return registry;
	}

	@Bean
	TimeLimiterRegistry timeLimiterRegistry() {
		return TimeLimiterRegistry.ofDefaults();
	}

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(ResilienceProperties resilience) {
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.failureRateThreshold(resilience.failureRateThreshold())
			.slidingWindowSize(resilience.slidingWindowSize())
			.minimumNumberOfCalls(resilience.minimumNumberOfCalls())
			.waitDurationInOpenState(resilience.waitInOpenState())
			.build();
		return (factory) -> factory
			.configureDefault((route) -> new Resilience4JConfigBuilder(route).circuitBreakerConfig(breaker)
				.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(resilience.timeoutOf(route)).build())
				.build());
	}

	@Bean
	RouterFunction<ServerResponse> unavailableServices() {
		return RouterFunctions.route()
			.route((request) -> request.path().startsWith(FALLBACK_PATH) && request.exchange()
				.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR) != null, (request) -> {
					Map<String, Object> problem = new LinkedHashMap<>();
					problem.put("type", ProblemTypes.forStatus(HttpStatus.SERVICE_UNAVAILABLE).toString());
					problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
					problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
					problem.put("detail", "The service is unavailable or too slow to answer; try again shortly.");
					return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
						.contentType(MediaType.APPLICATION_PROBLEM_JSON)
						.bodyValue(problem);
				})
			.build();
	}

}
