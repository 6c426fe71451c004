package io.carefin.gateway.route;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
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
	RouteLocator serviceRoutes(RouteLocatorBuilder routes, ServiceUris services, ResilienceProperties resilience) {
		RouteLocatorBuilder.Builder builder = routes.routes();
		route(builder, resilience, "auth-service", services.authService(), "/api/auth/**", "/.well-known/jwks.json",
				"/.well-known/openid-configuration");
		route(builder, resilience, "transaction-service", services.transactionService(), "/api/transactions/**");
		route(builder, resilience, "account-service", services.accountService(), "/api/accounts/**");
		route(builder, resilience, "reporting-service", services.reportingService(), "/api/reports/**");
		route(builder, resilience, "notification-service", services.notificationService(), "/api/notifications/**");
		return builder.build();
	}

	private static void route(RouteLocatorBuilder.Builder builder, ResilienceProperties resilience, String service,
			URI uri, String... paths) {
		Duration timeout = resilience.timeoutOf(service);
		// a route that waits less than the longest time limit gets its own, shorter,
		// timer
		Map<String, Object> metadata = timeout.equals(resilience.longestTimeout()) ? Map.of()
				: Map.of(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout.toMillis());
		builder.route(service,
				(route) -> route.path(paths)
					.filters((filters) -> filters.circuitBreaker(
							(breaker) -> breaker.setName(service).setFallbackUri("forward:" + FALLBACK_PATH + service)))
					.metadata(metadata)
					.uri(uri));
	}

	/**
	 * The time limit on the routing client's connections, timed by Netty on the
	 * connection's own event loop: no timer task per request, as Resilience4j's time
	 * limiter or a per-route response timeout would schedule. A time-out is an error like
	 * a refused connection, so the route's circuit breaker counts it and answers the 503
	 * problem.
	 */
	@Bean
	HttpClientCustomizer serviceResponseTimeout(ResilienceProperties resilience) {
		return (client) -> client.responseTimeout(resilience.longestTimeout());
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
		// the time limit is the routing client's (serviceResponseTimeout), so the
		// breaker's own
		// time limiter is off
		// (spring.cloud.circuitbreaker.resilience4j.disable-time-limiter)
		return (factory) -> factory
			.configureDefault((route) -> new Resilience4JConfigBuilder(route).circuitBreakerConfig(breaker).build());
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
