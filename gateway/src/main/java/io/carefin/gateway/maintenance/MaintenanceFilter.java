package io.carefin.gateway.maintenance;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.carefin.gateway.edge.EdgeProblems;
import io.carefin.starter.maintenance.Maintenance;
import io.carefin.starter.maintenance.MaintenanceConfiguration;
import io.carefin.starter.maintenance.MaintenanceMode;
import io.carefin.starter.security.AccessRevocations;
import io.carefin.starter.security.IssuerKind;
import io.carefin.starter.security.ReactiveTrustedIssuers;
import io.carefin.starter.security.TrustProperties;
import io.carefin.starter.web.ProblemTypes;

/**
 * During maintenance, answers every request for the API with 503, {@code Retry-After}
 * (the seconds until maintenance ends, at least one) and a problem carrying ops' message
 * and the end time, before any service is called, unless it carries a valid token of the
 * staff realm, so that support and ops keep working and can turn maintenance off. Paths
 * outside the API (health, the issuers' keys, the portal's pages) are never refused.
 * Outside maintenance it costs one read of a field.
 */
@Component
@Import(MaintenanceConfiguration.class)
class MaintenanceFilter implements WebFilter, Ordered {

	static final URI TYPE = ProblemTypes.of("maintenance");

	static final String TITLE = "CareFin is under maintenance";

	private final MaintenanceMode mode;

	private final Clock clock;

	private final Set<String> staffIssuers;

	private final ServerAuthenticationConverter bearerTokens = ReactiveTrustedIssuers.bearerTokens();

	private final ReactiveAuthenticationManagerResolver<ServerWebExchange> trustedIssuers;

	MaintenanceFilter(MaintenanceMode mode, TrustProperties trust, AccessRevocations revocations, Clock clock) {
		this.mode = mode;
		this.clock = clock;
		this.staffIssuers = trust.issuers()
			.stream()
			.filter((issuer) -> issuer.kind() == IssuerKind.STAFF)
			.map(TrustProperties.Issuer::issuerUri)
			.collect(Collectors.toUnmodifiableSet());
		this.trustedIssuers = ReactiveTrustedIssuers.resolver(trust, revocations, clock);
	}

	/**
	 * After the rate limits, before the token checks.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		return this.mode.current()
			.map((maintenance) -> staff(exchange)
				.flatMap((staff) -> staff ? chain.filter(exchange) : refuse(exchange, maintenance)))
			.orElseGet(() -> chain.filter(exchange));
	}

	/**
	 * Whether the request carries a token that the staff realm issued and that passes
	 * every check the gateway makes.
	 */
	private Mono<Boolean> staff(ServerWebExchange exchange) {
		return this.bearerTokens.convert(exchange)
			.flatMap((token) -> this.trustedIssuers.resolve(exchange).flatMap((manager) -> manager.authenticate(token)))
			.map(this::issuedByStaffRealm)
			.onErrorReturn(false)
			.defaultIfEmpty(false);
	}

	private boolean issuedByStaffRealm(Authentication authentication) {
		return authentication instanceof JwtAuthenticationToken jwt && authentication.isAuthenticated()
				&& this.staffIssuers.contains(jwt.getToken().getClaimAsString("iss"));
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Maintenance maintenance) {
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.RETRY_AFTER, Long.toString(maintenance.retryAfterSeconds(this.clock)));
		return EdgeProblems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, TYPE, TITLE,
				maintenance.message(), Map.of("until", maintenance.until().toString()));
	}

}
