package io.carefin.auth.practice;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.auth.practice.Practice.Address;
import io.carefin.auth.practice.Practice.SupportContact;

/**
 * Ops' endpoints for practices: enrol, change, close; support may read them too.
 */
@RestController
@RequestMapping("/api/auth/admin/practices")
@PreAuthorize("hasRole('OPS_ADMIN')")
class PracticeController {

	private static final String OPS_OR_SUPPORT = "hasAnyRole('OPS_ADMIN', 'SUPPORT')";

	private final PracticeService practices;

	PracticeController(PracticeService practices) {
		this.practices = practices;
	}

	@GetMapping
	@PreAuthorize(OPS_OR_SUPPORT)
	List<Practice> find(@RequestParam(required = false) @Size(max = 100) @Nullable String q) {
		return this.practices.find(q);
	}

	@GetMapping("/{id}")
	@PreAuthorize(OPS_OR_SUPPORT)
	Practice get(@PathVariable UUID id) {
		return this.practices.get(id);
	}

	@PostMapping
	ResponseEntity<Practice> enrol(@Valid @RequestBody Enrolment enrolment) {
		Practice practice;
		try {
			practice = this.practices.enrol(enrolment);
		}
		catch (DuplicateKeyException ex) {
			// another enrolment took the code, merchant ID or user ID since the checks
			throw taken();
		}
		return ResponseEntity.created(URI.create("/api/auth/admin/practices/" + practice.id())).body(practice);
	}

	@PatchMapping("/{id}")
	Practice change(@PathVariable UUID id, @Valid @RequestBody Changes changes) {
		try {
			return this.practices.change(id, changes);
		}
		catch (DuplicateKeyException ex) {
			throw taken();
		}
	}

	@PostMapping("/{id}/close")
	Practice close(@PathVariable UUID id, @Valid @RequestBody Closing closing) {
		return this.practices.close(id, closing.reason().strip());
	}

	private static PracticeException taken() {
		return new PracticeException("practice-taken",
				"The practice code, merchant ID or user ID was just taken by another enrolment; choose another one.");
	}

	/**
	 * A new practice and its first administrator.
	 */
	record Enrolment(@NotBlank @Size(max = 200) String name,
			@NotNull @Pattern(regexp = Practice.MERCHANT_ID, message = Practice.MERCHANT_ID_MESSAGE) String merchantId,
			@NotNull @Pattern(regexp = Practice.CODE, message = Practice.CODE_MESSAGE) String practiceCode,
			@NotNull @TimeZoneId String timeZone, @NotNull @Valid Address address,
			@NotNull @Valid SupportContact supportContact, @NotNull @Valid Admin admin) {
	}

	/**
	 * The practice's first administrator, who activates from the e-mailed link.
	 */
	record Admin(@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String userId,
			@NotBlank @Email @Size(max = 254) String email) {
	}

	/**
	 * The details to change; those absent stay as they are. An address or a support
	 * contact is replaced whole.
	 */
	record Changes(
			@Nullable @Size(max = 200) @Pattern(regexp = Practice.NOT_BLANK, message = "must not be blank") String name,
			@Nullable @Pattern(regexp = Practice.MERCHANT_ID, message = Practice.MERCHANT_ID_MESSAGE) String merchantId,
			@Nullable @Pattern(regexp = Practice.CODE, message = Practice.CODE_MESSAGE) String practiceCode,
			@Nullable @TimeZoneId String timeZone, @Nullable @Valid Address address,
			@Nullable @Valid SupportContact supportContact) {
	}

	/**
	 * Why ops close a practice, in their words.
	 */
	record Closing(@NotBlank @Size(max = 500) String reason) {
	}

}
