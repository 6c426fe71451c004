package io.carefin.starter.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long idempotency keys are kept, under {@code carefin.idempotency}.
 *
 * @param retention how long a completed key replays its answer (default 24 hours)
 * @param lease how long a key may stay in flight before a retry may take it over, as
 * after a crash between claiming the key and running the request (default 30 seconds)
 */
@ConfigurationProperties("carefin.idempotency")
public record IdempotencyProperties(Duration retention, Duration lease) {

	public IdempotencyProperties {
		retention = (retention != null) ? retention : Duration.ofHours(24);
		lease = (lease != null) ? lease : Duration.ofSeconds(30);
	}

}
