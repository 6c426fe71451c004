package io.carefin.gateway.route;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.carefin.gateway.edge.PortalPaths;
import io.carefin.gateway.ratelimit.ClientAddresses;
import io.carefin.starter.web.ProblemTypes;

/**
 * One route per service, by the path prefix it owns, and after them the portal's route
 * for every other path ({@link PortalPaths}), each behind its own circuit breaker and
 * time limit so that a down or slow service answers a fast 503 problem (a short page to a
 * browser asking the portal for HTML) and leaves the other routes alone. The portal gets
 * the browser's {@code Host}, cookies and {@link PortalForwardedHeaders}; its answers,
 * redirects and cookies go back as they are.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ServiceUris.class, ResilienceProperties.class })
class RouteConfiguration {

	static final String FALLBACK_PATH = "/_gateway/unavailable/";

	static final String PORTAL = "portal";

	static final String DOCS_PATH = "/api/docs/";

	private static final String UNAVAILABLE_PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1">
			<title>CareFin is briefly unavailable</title>
			</head>
			<body>
			<main>
			<h1>Briefly unavailable</h1>
			<p>CareFin is briefly unavailable. Please try again in a minute.</p>
			</main>
			</body>
			</html>
			""";

	@Bean
	RouteLocator serviceRoutes(RouteLocatorBuilder routes, ServiceUris services, ResilienceProperties resilience) {
		RouteLocatorBuilder.Builder builder = routes.routes();
		route(builder, resilience, "auth-service", services.authService(), "/api/auth/**", "/.well-known/jwks.json",
				"/.well-known/openid-configuration");
		route(builder, resilience, "transaction-service", services.transactionService(), "/api/transactions/**");
		route(builder, resilience, "account-service", services.accountService(), "/api/accounts/**");
		route(builder, resilience, "reporting-service", services.reportingService(), "/api/reports/**");
		route(builder, resilience, "notification-service", services.notificationService(), "/api/notifications/**");
		for (Map.Entry<String, URI> service : Map
			.of("auth-service", services.authService(), "transaction-service", services.transactionService(),
					"account-service", services.accountService(), "reporting-service", services.reportingService(),
					"notification-service", services.notificationService())
			.entrySet()) {
			docs(builder, resilience, service.getKey(), service.getValue());
		}
		builder.route(PORTAL,
				(route) -> route.order(1)
					.not((paths) -> paths.path(PortalPaths.EXCLUDED.toArray(String[]::new)))
					.filters((filters) -> breaker(filters.preserveHostHeader(), PORTAL))
					.metadata(metadata(resilience, PORTAL))
					.uri(services.portal()));
		return builder.build();
	}

	private static void route(RouteLocatorBuilder.Builder builder, ResilienceProperties resilience, String service,
			URI uri, String... paths) {
		builder.route(service,
				(route) -> route.path(paths)
					.filters((filters) -> breaker(filters, service))
					.metadata(metadata(resilience, service))
					.uri(uri));
	}

	/**
	 * A service's OpenAPI document at {@code /api/docs/<service>/v3/api-docs}, which the
	 * gateway's Swagger UI ({@code /api/docs}) lists.
	 */
	private static void docs(RouteLocatorBuilder.Builder builder, ResilienceProperties resilience, String service,
			URI uri) {
		builder.route(service + "-docs",
				(route) -> route.path(DOCS_PATH + service + "/v3/api-docs")
					.filters((filters) -> breaker(filters.setPath("/v3/api-docs"), service))
					.metadata(metadata(resilience, service))
					.uri(uri));
	}

	private static GatewayFilterSpec breaker(GatewayFilterSpec filters, String route) {
		return filters
			.circuitBreaker((breaker) -> breaker.setName(route).setFallbackUri("forward:" + FALLBACK_PATH + route));
	}

	// a route that waits less than the longest time limit gets its own, shorter, timer
	private static Map<String, Object> metadata(ResilienceProperties resilience, String route) {
		Duration timeout = resilience.timeoutOf(route);
		return timeout.equals(resilience.longestTimeout()) ? Map.of()
				: Map.of(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout.toMillis());
	}

	@Bean
	PortalForwardedHeaders portalForwardedHeaders(ClientAddresses clientAddresses) {
		return new PortalForwardedHeaders(PORTAL, clientAddresses);
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

	/**
	 * {@code /api/docs} opens the Swagger UI, which springdoc serves under it.
	 */
	@Bean
	RouterFunction<ServerResponse> apiDocs() {
		return RouterFunctions.route()
			.GET("/api/docs",
					(request) -> ServerResponse.temporaryRedirect(URI.create(DOCS_PATH + "swagger-ui.html")).build())
			.build();
	}

	@Bean
	RouterFunction<ServerResponse> unavailableServices() {
		return RouterFunctions.route()
			.route((request) -> request.path().startsWith(FALLBACK_PATH) && request.exchange()
				.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR) != null,
					(request) -> (request.path().equals(FALLBACK_PATH + PORTAL) && acceptsHtml(request))
							? unavailablePage() : unavailableProblem())
			.build();
	}

	private static Mono<ServerResponse> unavailableProblem() {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ProblemTypes.forStatus(HttpStatus.SERVICE_UNAVAILABLE).toString());
		problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
		problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		problem.put("detail", "The service is unavailable or too slow to answer; try again shortly.");
		return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem);
	}

	private static Mono<ServerResponse> unavailablePage() {
		return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.RETRY_AFTER, "60")
			.bodyValue(UNAVAILABLE_PAGE);
	}

	// a browser names text/html; a client that accepts anything gets the problem
	private static boolean acceptsHtml(ServerRequest request) {
		try {
			return request.headers()
				.accept()
				.stream()
				.anyMatch((type) -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML)
						&& type.getQualityValue() > 0);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
