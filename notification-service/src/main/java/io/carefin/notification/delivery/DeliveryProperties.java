package io.carefin.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard a delivery is tried and how many access messages a recipient may get.
 *
 * @param attempts how many times a message is tried before its delivery is marked failed
 * and its event parked on the dead-letter topic
 * @param initialBackoff the wait before the first retry; each further wait doubles
 * @param maxBackoff the longest wait between two attempts
 * @param inFlightTimeout how long a delivery being sent by another consumer is left alone
 * @param smsPerHour how many codes and recovery messages one phone number gets per window
 * @param emailsPerHour how many codes and recovery messages one e-mail address gets per
 * window
 * @param capWindow the window the caps count in
 */
@ConfigurationProperties("carefin.notification.delivery")
public record DeliveryProperties(@DefaultValue("6") int attempts, @DefaultValue("1s") Duration initialBackoff,
		@DefaultValue("30s") Duration maxBackoff, @DefaultValue("15s") Duration inFlightTimeout,
		@DefaultValue("5") int smsPerHour, @DefaultValue("10") int emailsPerHour,
		@DefaultValue("1h") Duration capWindow) {

}
