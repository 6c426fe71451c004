package io.carefin.transaction.practice;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A practice as auth-service announced it.
 *
 * @param id the practice
 * @param name its name, unknown when only its closing has arrived
 * @param practiceCode the code in its patients' application link
 * @param merchantId its merchant id with the card network
 * @param timeZone its time zone (IANA id)
 * @param status {@code OPEN} or {@code CLOSED}
 * @param closedAt when it was closed
 */
public record Practice(UUID id, @Nullable String name, @Nullable String practiceCode, @Nullable String merchantId,
		@Nullable String timeZone, String status, @Nullable Instant closedAt) {

	static final String CLOSED = "CLOSED";

	/**
	 * Whether the practice takes no new business.
	 */
	public boolean isClosed() {
		return CLOSED.equals(this.status);
	}

}
