package io.carefin.starter.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Turns Spring Security's own observations off in every service and the gateway, so that
 * no filter of any request is wrapped in an observation (about a tenth of a short
 * request's CPU); {@code http.server.requests} already counts every request, 401s and
 * 403s included, by status.
 */
@AutoConfiguration
@ConditionalOnWebApplication
public class SecurityObservationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

}
