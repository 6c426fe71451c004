package io.carefin.gateway.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import io.carefin.gateway.edge.EdgeProblems;
import io.carefin.gateway.edge.EdgeProperties;
import io.carefin.gateway.edge.PortalPaths;
import io.carefin.starter.security.AccessRevocations;
import io.carefin.starter.security.AccessRevocationsConfiguration;
import io.carefin.starter.security.HeaderCharacters;
import io.carefin.starter.security.ReactiveTrustedIssuers;
import io.carefin.starter.security.TrustProperties;

/**
 * Lets a request through the gateway only with a valid token from a trusted issuer,
 * except health and metrics, the configured public paths (sign-in, second factor,
 * refresh, recovery, the issuers' keys) and the portal's pages ({@link PortalPaths}: the
 * portal signs its browsers in itself, with its own session), allows the portal's origin,
 * and answers refusals with problem details; Spring Security's strict firewall checks
 * header characters, and the bearer token is read, without regular expressions; a token
 * that passed is remembered for a while so that it is not parsed and its signature
 * checked again on the client's next request, and a practice user's token whose access
 * auth-service revoked (sign-out, suspension, a password change) is refused within
 * seconds, read from {@code auth.revocations}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TrustProperties.class, EdgeProperties.class })
@Import(AccessRevocationsConfiguration.class)
class EdgeSecurityConfiguration {

	private static final String[] OPERATIONAL_PATHS = { "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus" };

	@Bean
	SecurityWebFilterChain edge(ServerHttpSecurity http, TrustProperties trust, AccessRevocations revocations,
			EdgeProperties edge, Clock clock) {
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(OPERATIONAL_PATHS)
				.permitAll()
				.pathMatchers(trust.publicPaths().toArray(String[]::new))
				.permitAll()
				.pathMatchers(PortalPaths.EXCLUDED.toArray(String[]::new))
				.authenticated()
				.anyExchange()
				.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.authenticationManagerResolver(ReactiveTrustedIssuers.resolver(trust, revocations, clock))
				.bearerTokenConverter(ReactiveTrustedIssuers.bearerTokens())
				.authenticationEntryPoint((exchange, ex) -> {
					exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
					return EdgeProblems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED,
							"A valid access token is required.");
				})
				.accessDeniedHandler((exchange, ex) -> EdgeProblems.write(exchange.getResponse(), HttpStatus.FORBIDDEN,
						"You are not allowed to do this.")))
			// API answers get no-store from SecurityHeadersFilter; the portal's pages
			// carry
			// the portal's own caching
			.headers((headers) -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
			.cors((cors) -> cors.configurationSource(portal(edge)))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.build();
	}

	@Bean
	StrictServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
		firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
		firewall.setAllowedParameterNames(HeaderCharacters::allowedInName);
		return firewall;
	}

	private static CorsConfigurationSource portal(EdgeProperties edge) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!edge.corsAllowedOrigins().isEmpty()) {
			CorsConfiguration portal = new CorsConfiguration();
			portal.setAllowedOrigins(edge.corsAllowedOrigins());
			portal.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
			portal.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
			portal.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
			portal.setAllowCredentials(false);
			portal.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/api/**", portal);
		}
		return source;
	}

}
