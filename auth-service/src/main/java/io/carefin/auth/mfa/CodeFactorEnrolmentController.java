package io.carefin.auth.mfa;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.support.UserNotFoundException;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Users;

/**
 * A signed-in practice user enrols a phone number for text-message codes, or their e-mail
 * address on file for e-mail codes: a code goes there, and the factor works once the code
 * comes back. A confirmed factor stays in use until its replacement is confirmed.
 */
@RestController
@RequestMapping("/api/auth/me/factors")
@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER')")
class CodeFactorEnrolmentController {

	private final SecondFactorChallenges challenges;

	private final Users users;

	private final AuditTrail audit;

	CodeFactorEnrolmentController(SecondFactorChallenges challenges, Users users, AuditTrail audit) {
		this.challenges = challenges;
		this.users = users;
		this.audit = audit;
	}

	@PostMapping("/sms")
	MfaRequired enrolPhone(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PhoneEnrolment enrolment) {
		String phone = PhoneNumbers.mobile(enrolment.phone()).orElseThrow(InvalidPhoneNumberException::new);
		return this.challenges.startEnrolment(user(token), Method.SMS, phone);
	}

	@PostMapping("/email")
	MfaRequired enrolEmail(@AuthenticationPrincipal Jwt token) {
		PracticeUser user = user(token);
		return this.challenges.startEnrolment(user, Method.EMAIL, user.email());
	}

	@PostMapping("/{method}/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void confirm(@AuthenticationPrincipal Jwt token, @PathVariable String method,
			@Valid @RequestBody Confirmation confirmation) {
		Method codeMethod = switch (method) {
			case "sms" -> Method.SMS;
			case "email" -> Method.EMAIL;
			default -> throw new UserNotFoundException();
		};
		PracticeUser user = user(token);
		try {
			this.challenges.confirmEnrolment(user.id(), codeMethod, confirmation.challengeId(), confirmation.code());
		}
		catch (ChallengeFailedException ex) {
			throw new CodeRejectedException();
		}
		this.audit.record(AuditAction.FACTOR_ENROL, codeMethod.name(), user.id(), user.practiceId());
	}

	private PracticeUser user(Jwt token) {
		return this.users.byId(UUID.fromString(token.getSubject())).orElseThrow(UserNotFoundException::new);
	}

	record PhoneEnrolment(@NotBlank @Size(max = 32) String phone) {
	}

	record Confirmation(@NotNull UUID challengeId, @NotNull @Pattern(regexp = "\\d{6}") String code) {
	}

}
