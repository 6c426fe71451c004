package io.carefin.starter.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;

import io.carefin.starter.ClockAutoConfiguration;

/**
 * Makes a servlet service a stateless resource server that trusts only the configured
 * issuers, leaves health, info, metrics and the configured public paths open, and answers
 * refused requests with the service's problem details; Spring Security's strict firewall
 * checks header characters, and the bearer token is read, without their regular
 * expressions (same rules, see {@link HeaderCharacters} and {@link BearerTokens}); a
 * practice user's token whose access auth-service revoked is refused within seconds
 * ({@link AccessRevocations}); the client address the gateway names is believed only from
 * the gateway ({@link ClientAddresses}).
 */
@AutoConfiguration(after = ClockAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ TrustProperties.class, ClientAddressProperties.class })
@EnableMethodSecurity
@Import(AccessRevocationsConfiguration.class)
public class ServiceSecurityAutoConfiguration {

	// the public API's OpenAPI document is public too: the gateway's Swagger UI reads it
	private static final String[] OPERATIONAL_PATHS = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"/v3/api-docs", "/error" };

	@Bean
	@ConditionalOnMissingBean
	AuthenticationManagerResolver<HttpServletRequest> trustedIssuers(TrustProperties trust,
			ObjectProvider<LocalIssuerKeys> local, AccessRevocations revocations, Clock clock) {
		return TrustedIssuers.resolver(trust, local.getIfAvailable(), revocations, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	ClientAddresses clientAddresses(ClientAddressProperties properties) {
		return new ClientAddresses(properties);
	}

	/**
	 * A caller a route's {@code @PreAuthorize} refuses gets 403 before the request is
	 * read ({@link AuthorizeBeforeBinding}).
	 */
	@Bean
	WebMvcConfigurer authorizeBeforeBinding() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new AuthorizeBeforeBinding());
			}
		};
	}

	@Bean
	WebSecurityCustomizer strictFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
		firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
		firewall.setAllowedParameterNames(HeaderCharacters::allowedInName);
		return (web) -> web.httpFirewall(firewall);
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityFilterChain resourceServer(HttpSecurity http, TrustProperties trust,
			AuthenticationManagerResolver<HttpServletRequest> trustedIssuers,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(OPERATIONAL_PATHS)
			.permitAll()
			.requestMatchers(trust.publicPaths().toArray(String[]::new))
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationManagerResolver(trustedIssuers)
				.bearerTokenResolver(
						(request) -> BearerTokens.fromAuthorization(request.getHeader(HttpHeaders.AUTHORIZATION)))
				.authenticationEntryPoint((request, response, ex) -> {
					bearer.commence(request, response, ex);
					problems.resolveException(request, response, null, ex);
				})
				.accessDeniedHandler((request, response, ex) -> {
					denied.handle(request, response, ex);
					problems.resolveException(request, response, null, ex);
				}))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// stateless: nothing to log out of or to replay after a sign-in
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
