package io.carefin.starter.maintenance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a replica follows the platform's maintenance mode.
 *
 * @param enabled whether the replica reads {@code auth.maintenance}; off, it never knows
 * of maintenance
 * @param retryEvery how long the reader waits before trying again when the broker cannot
 * be reached
 */
@ConfigurationProperties("carefin.maintenance")
public record MaintenanceProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration retryEvery) {

}
