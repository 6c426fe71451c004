package io.carefin.auth.practice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A practice enrolled with CareFin: its name, the code in its patients' link, the
 * merchant ID its funding is paid to, its time zone, address and support contact, and
 * whether it is open. It guards its own lifecycle: a closed practice is neither changed
 * nor closed again.
 *
 * @param id the practice's id, the {@code practice_id} of its users' tokens
 * @param name the practice's name
 * @param merchantId the merchant ID, 6 to 20 digits
 * @param practiceCode the practice's code, upper case, as in
 * {@code /apply/{practiceCode}}
 * @param timeZone the practice's time zone, an IANA id such as {@code America/New_York}
 * @param address where the practice is
 * @param supportContact whom CareFin's support calls at the practice
 * @param status {@code OPEN} or {@code CLOSED}
 * @param closedReason why ops closed it, once closed
 * @param enrolledAt when it was enrolled
 * @param closedAt when it was closed
 */
record Practice(UUID id, String name, @Nullable String merchantId, @Nullable String practiceCode,
		@Nullable String timeZone, @Nullable Address address, @Nullable SupportContact supportContact, Status status,
		@Nullable String closedReason, Instant enrolledAt, @Nullable Instant closedAt) {

	static final String CODE = "[A-Za-z0-9-]{3,32}";

	static final String CODE_MESSAGE = "must be 3 to 32 letters, digits or hyphens";

	static final String MERCHANT_ID = "[0-9]{6,20}";

	static final String MERCHANT_ID_MESSAGE = "must be 6 to 20 digits";

	static final String NOT_BLANK = "(?s).*\\S.*";

	/**
	 * A new, open practice.
	 */
	static Practice enrol(UUID id, String name, String merchantId, String practiceCode, String timeZone,
			Address address, SupportContact supportContact, Instant now) {
		return new Practice(id, name.strip(), merchantId, normalizedCode(practiceCode), timeZone, address.normalized(),
				supportContact.normalized(), Status.OPEN, null, now, null);
	}

	/**
	 * The practice with the given details changed and the others kept.
	 * @throws PracticeException when the practice is closed
	 */
	Practice change(@Nullable String name, @Nullable String merchantId, @Nullable String practiceCode,
			@Nullable String timeZone, @Nullable Address address, @Nullable SupportContact supportContact) {
		requireOpen();
		return new Practice(this.id, (name != null) ? name.strip() : this.name,
				(merchantId != null) ? merchantId : this.merchantId,
				(practiceCode != null) ? normalizedCode(practiceCode) : this.practiceCode,
				(timeZone != null) ? timeZone : this.timeZone, (address != null) ? address.normalized() : this.address,
				(supportContact != null) ? supportContact.normalized() : this.supportContact, this.status,
				this.closedReason, this.enrolledAt, this.closedAt);
	}

	/**
	 * The names of the details that differ from another version of the practice.
	 */
	List<String> differencesFrom(Practice other) {
		List<String> fields = new ArrayList<>();
		if (!Objects.equals(this.name, other.name)) {
			fields.add("name");
		}
		if (!Objects.equals(this.merchantId, other.merchantId)) {
			fields.add("merchantId");
		}
		if (!Objects.equals(this.practiceCode, other.practiceCode)) {
			fields.add("practiceCode");
		}
		if (!Objects.equals(this.timeZone, other.timeZone)) {
			fields.add("timeZone");
		}
		if (!Objects.equals(this.address, other.address)) {
			fields.add("address");
		}
		if (!Objects.equals(this.supportContact, other.supportContact)) {
			fields.add("supportContact");
		}
		return fields;
	}

	/**
	 * The practice closed for the given reason.
	 * @throws PracticeException when it is closed already
	 */
	Practice close(String reason, Instant now) {
		requireOpen();
		return new Practice(this.id, this.name, this.merchantId, this.practiceCode, this.timeZone, this.address,
				this.supportContact, Status.CLOSED, reason, this.enrolledAt, now);
	}

	private void requireOpen() {
		if (this.status == Status.CLOSED) {
			throw new PracticeException("practice-closed",
					"This practice is closed; a closed practice can't be " + "changed or closed again.");
		}
	}

	static String normalizedCode(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}

	/**
	 * Whether a practice is open for business.
	 */
	enum Status {

		OPEN, CLOSED

	}

	/**
	 * A practice's postal address in the United States.
	 *
	 * @param line1 the street address
	 * @param line2 a suite or floor, if any
	 * @param city the city
	 * @param state the state's two-letter code, upper case
	 * @param postalCode the ZIP code, five digits or ZIP+4
	 */
	record Address(@NotBlank @Size(max = 200) String line1, @Size(max = 200) @Nullable String line2,
			@NotBlank @Size(max = 100) String city,
			@NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be a state's two-letter code") String state,
			@NotNull @Pattern(regexp = "[0-9]{5}(-[0-9]{4})?",
					message = "must be a ZIP code such as 01103 or 01103-1234") String postalCode) {

		Address normalized() {
			String second = (this.line2 != null && !this.line2.isBlank()) ? this.line2.strip() : null;
			return new Address(this.line1.strip(), second, this.city.strip(), this.state.toUpperCase(Locale.ROOT),
					this.postalCode);
		}

	}

	/**
	 * Whom CareFin's support calls at a practice.
	 *
	 * @param name the person's name
	 * @param email their e-mail address
	 * @param phone their phone number
	 */
	record SupportContact(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
			@NotNull @Pattern(regexp = "\\+?[0-9][0-9 ().-]{6,24}",
					message = "must be a phone number such as +1 555 555 0110") String phone) {

		SupportContact normalized() {
			return new SupportContact(this.name.strip(), this.email.strip(), this.phone.strip());
		}

	}

}
