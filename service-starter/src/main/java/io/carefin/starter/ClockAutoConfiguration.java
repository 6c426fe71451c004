package io.carefin.starter;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The one clock a service reads time from, so that tests can move it instead of sleeping,
 * and the time zones of practices' business days.
 */
@AutoConfiguration
@EnableConfigurationProperties(BusinessDayProperties.class)
public class ClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
