package io.carefin.notification.delivery;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.notification.message.Channel;

/**
 * The delivery log for ops: who got which message how, and how it went; never the
 * message, a code or a token.
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
@PreAuthorize("hasRole('OPS_ADMIN')")
class DeliveryController {

	private final Deliveries deliveries;

	DeliveryController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping
	DeliveryLog search(@RequestParam(required = false) @Nullable DeliveryStatus status,
			@RequestParam(required = false) @Nullable String template,
			@RequestParam(required = false) @Nullable Channel channel,
			@RequestParam(required = false) @Nullable UUID sourceEventId,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		return new DeliveryLog(
				this.deliveries.search(new DeliverySearch(status, template, channel, sourceEventId, limit)));
	}

	/**
	 * The matching deliveries, newest first.
	 *
	 * @param deliveries the log lines
	 */
	record DeliveryLog(List<DeliveryEntry> deliveries) {
	}

}
