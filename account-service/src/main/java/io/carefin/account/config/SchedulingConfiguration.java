package io.carefin.account.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the business day on its schedule unless {@code carefin.business-day.scheduled} is
 * {@code false} (tests move it themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "carefin.business-day.scheduled", matchIfMissing = true)
class SchedulingConfiguration {

}
