package io.carefin.portal.staff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * What operations ask of the API: practices and their promotions, maintenance mode, the
 * security report, the delivery log and every service's dead letters.
 */
@HttpExchange(accept = "application/json")
public interface OpsApi {

	@GetExchange("/api/auth/admin/practices")
	JsonNode practices(@RequestParam String q);

	@GetExchange("/api/auth/admin/practices/{id}")
	Practice practice(@PathVariable UUID id);

	@PostExchange("/api/auth/admin/practices")
	Practice enrol(@RequestBody Enrolment enrolment);

	@PatchExchange("/api/auth/admin/practices/{id}")
	Practice change(@PathVariable UUID id, @RequestBody PracticeChange change);

	@PostExchange("/api/auth/admin/practices/{id}/close")
	void close(@PathVariable UUID id, @RequestBody SupportApi.Reason reason);

	@GetExchange("/api/transactions/admin/practices/{practiceId}/promotions")
	Promotions promotions(@PathVariable UUID practiceId);

	@PutExchange("/api/transactions/admin/practices/{practiceId}/promotions")
	Promotions choosePromotions(@PathVariable UUID practiceId, @RequestBody PromotionCodes codes);

	@GetExchange("/api/auth/admin/maintenance")
	Maintenance maintenance();

	@PutExchange("/api/auth/admin/maintenance")
	Maintenance startMaintenance(@RequestBody MaintenanceWindow window);

	@DeleteExchange("/api/auth/admin/maintenance")
	void endMaintenance();

	@GetExchange("/api/reports/security")
	SecurityReport securityReport(@RequestParam String from, @RequestParam String to);

	@GetExchange("/api/notifications/deliveries")
	DeliveryLog deliveries(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String channel, @RequestParam int limit);

	@GetExchange("/api/{service}/dead-letters")
	DeadLetters deadLetters(@PathVariable String service);

	@PostExchange("/api/{service}/dead-letters/{topic}/{partition}/{offset}/replay")
	void replay(@PathVariable String service, @PathVariable String topic, @PathVariable int partition,
			@PathVariable long offset);

	@PostExchange("/api/{service}/dead-letters/replay")
	void replayAll(@PathVariable String service);

	/**
	 * A practice as auth-service keeps it.
	 *
	 * @param id the practice
	 * @param name its name
	 * @param merchantId its merchant ID
	 * @param practiceCode its code, in patients' links
	 * @param timeZone its time zone
	 * @param address its address
	 * @param supportContact whom CareFin calls
	 * @param status {@code OPEN} or {@code CLOSED}
	 * @param closedReason why it closed
	 * @param enrolledAt when it was enrolled
	 * @param closedAt when it closed
	 */
	record Practice(UUID id, String name, @Nullable String merchantId, @Nullable String practiceCode,
			@Nullable String timeZone, @Nullable Address address, @Nullable Contact supportContact, String status,
			@Nullable String closedReason, @Nullable Instant enrolledAt, @Nullable Instant closedAt) {

		public boolean open() {
			return "OPEN".equals(this.status);
		}

	}

	/**
	 * A postal address.
	 *
	 * @param line1 street and number
	 * @param line2 suite
	 * @param city city
	 * @param state two-letter state
	 * @param postalCode ZIP code
	 */
	record Address(String line1, @Nullable String line2, String city, String state, String postalCode) {

	}

	/**
	 * A contact at the practice.
	 *
	 * @param name their name
	 * @param email their e-mail address
	 * @param phone their phone number
	 */
	record Contact(String name, String email, @Nullable String phone) {

	}

	/**
	 * The practice's first administrator, invited at enrolment.
	 *
	 * @param userId their user ID
	 * @param email where the activation link goes
	 */
	record FirstAdmin(String userId, String email) {

	}

	/**
	 * A new practice.
	 *
	 * @param name its name
	 * @param merchantId its merchant ID
	 * @param practiceCode its code
	 * @param timeZone its time zone
	 * @param address its address
	 * @param supportContact its support contact
	 * @param admin its first administrator
	 */
	record Enrolment(String name, String merchantId, String practiceCode, String timeZone, Address address,
			Contact supportContact, FirstAdmin admin) {

	}

	/**
	 * A change to a practice's details.
	 *
	 * @param name its name
	 * @param timeZone its time zone
	 * @param address its address
	 * @param supportContact its support contact
	 */
	record PracticeChange(String name, String timeZone, Address address, Contact supportContact) {

	}

	/**
	 * A practice's plans and which of them it offers.
	 *
	 * @param practiceId the practice
	 * @param plans the catalogue
	 */
	record Promotions(UUID practiceId, List<Plan> plans) {

		public Promotions {
			plans = (plans != null) ? List.copyOf(plans) : List.of();
		}

	}

	/**
	 * A plan of the catalogue.
	 *
	 * @param code such as {@code DEFERRED_12}
	 * @param name its name
	 * @param kind its kind
	 * @param months its length
	 * @param apr its APR
	 * @param enabled whether the practice offers it
	 */
	record Plan(String code, String name, String kind, int months, @Nullable BigDecimal apr, boolean enabled) {

	}

	/**
	 * The plans a practice is to offer.
	 *
	 * @param codes their codes
	 */
	record PromotionCodes(List<String> codes) {

	}

	/**
	 * Maintenance mode as it stands.
	 *
	 * @param on whether it is on
	 * @param message what the pages say
	 * @param until when it is planned to end
	 * @param changedBy who changed it last
	 * @param changedAt when
	 */
	record Maintenance(boolean on, @Nullable String message, @Nullable Instant until, @Nullable String changedBy,
			@Nullable Instant changedAt) {

	}

	/**
	 * Maintenance mode to turn on.
	 *
	 * @param message what the pages say
	 * @param until when it is planned to end
	 */
	record MaintenanceWindow(String message, Instant until) {

	}

	/**
	 * The security report.
	 *
	 * @param from first day
	 * @param to last day
	 * @param days each practice's days
	 * @param totals the whole range
	 */
	record SecurityReport(LocalDate from, LocalDate to, List<SecurityDay> days, Figures totals) {

		public SecurityReport {
			days = (days != null) ? List.copyOf(days) : List.of();
		}

	}

	/**
	 * One practice's day.
	 *
	 * @param businessDay the day
	 * @param practiceId the practice, or {@code null} for unknown user IDs
	 * @param figures its figures
	 */
	record SecurityDay(LocalDate businessDay, @Nullable UUID practiceId, Figures figures) {

	}

	/**
	 * Security figures.
	 *
	 * @param signInsSucceeded sign-ins
	 * @param signInsFailed failed passwords
	 * @param secondFactorFailures failed codes
	 * @param lockouts locks
	 * @param permanentLocks locks only support lifts
	 * @param suspensions suspensions
	 */
	record Figures(long signInsSucceeded, long signInsFailed, long secondFactorFailures, long lockouts,
			long permanentLocks, long suspensions) {

	}

	/**
	 * The delivery log.
	 *
	 * @param deliveries newest first
	 */
	record DeliveryLog(List<Delivery> deliveries) {

		public DeliveryLog {
			deliveries = (deliveries != null) ? List.copyOf(deliveries) : List.of();
		}

	}

	/**
	 * A delivery, without the message.
	 *
	 * @param id the delivery
	 * @param template the message's template
	 * @param channel {@code EMAIL} or {@code SMS}
	 * @param recipient the masked recipient
	 * @param status where it stands
	 * @param attempts how many tries
	 * @param createdAt when the first began
	 * @param sentAt when the provider accepted it
	 * @param lastError why the last try failed
	 */
	record Delivery(UUID id, String template, String channel, String recipient, String status, int attempts,
			@Nullable Instant createdAt, @Nullable Instant sentAt, @Nullable String lastError) {

	}

	/**
	 * A service's parked records.
	 *
	 * @param deadLetters oldest first
	 */
	record DeadLetters(List<DeadLetter> deadLetters) {

		public DeadLetters {
			deadLetters = (deadLetters != null) ? List.copyOf(deadLetters) : List.of();
		}

	}

	/**
	 * A parked record.
	 *
	 * @param topic the dead-letter topic
	 * @param partition its partition
	 * @param offset its offset
	 * @param key the record's key
	 * @param originalTopic where it came from
	 * @param eventType the event's type
	 * @param exception why it was parked
	 * @param reason why it was parked (notification-service's name)
	 * @param parkedAt when
	 * @param replayedAt when it was sent back, if it was
	 */
	record DeadLetter(String topic, int partition, long offset, @Nullable String key, @Nullable String originalTopic,
			@Nullable String eventType, @Nullable String exception, @Nullable String reason, @Nullable Instant parkedAt,
			@Nullable Instant replayedAt) {

		public @Nullable String why() {
			return (this.exception != null) ? this.exception : this.reason;
		}

	}

}
