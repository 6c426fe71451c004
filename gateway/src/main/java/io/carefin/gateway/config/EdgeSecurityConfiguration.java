package io.carefin.gateway.config;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import io.carefin.starter.security.ReactiveTrustedIssuers;
import io.carefin.starter.security.TrustProperties;
import io.carefin.starter.web.ProblemTypes;

/**
 * Lets a request through the gateway only with a valid token from a trusted issuer,
 * except health and metrics and the configured public paths (sign-in, second factor,
 * refresh, recovery), and answers refusals with problem details.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustProperties.class)
class EdgeSecurityConfiguration {

	private static final String[] OPERATIONAL_PATHS = { "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus" };

	@Bean
	SecurityWebFilterChain edge(ServerHttpSecurity http, TrustProperties trust, JsonMapper json) {
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(OPERATIONAL_PATHS)
				.permitAll()
				.pathMatchers(trust.publicPaths().toArray(String[]::new))
				.permitAll()
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.authenticationManagerResolver(ReactiveTrustedIssuers.resolver(trust))
				.authenticationEntryPoint((exchange, ex) -> problem(exchange.getResponse(), json,
						HttpStatus.UNAUTHORIZED, "A valid access token is required."))
				.accessDeniedHandler((exchange, ex) -> problem(exchange.getResponse(), json, HttpStatus.FORBIDDEN,
						"You are not allowed to do this.")))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.build();
	}

	private static Mono<Void> problem(ServerHttpResponse response, JsonMapper json, HttpStatus status, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", ProblemTypes.forStatus(status).toString());
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		DataBuffer buffer = response.bufferFactory()
			.wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

}
