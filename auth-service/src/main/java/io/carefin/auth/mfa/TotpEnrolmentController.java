package io.carefin.auth.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.apache.commons.codec.binary.Base32;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.token.KeyEncryption;

/**
 * A signed-in practice user enrols an authenticator app: they get a secret and an
 * {@code otpauth://} URI for a QR code, then confirm with a code from the app. The secret
 * is stored encrypted.
 */
@RestController
@RequestMapping("/api/auth/me/factors/totp")
@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER')")
class TotpEnrolmentController {

	private final SecondFactors factors;

	private final KeyEncryption encryption;

	private final AuditTrail audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	TotpEnrolmentController(SecondFactors factors, KeyEncryption encryption, AuditTrail audit, Clock clock) {
		this.factors = factors;
		this.encryption = encryption;
		this.audit = audit;
		this.clock = clock;
	}

	@PostMapping
	Enrolment start(@AuthenticationPrincipal Jwt token) {
		byte[] secret = new byte[20];
		this.random.nextBytes(secret);
		this.factors.startTotp(UUID.fromString(token.getSubject()), this.encryption.encrypt(secret),
				this.clock.instant());
		String base32 = new Base32().encodeToString(secret).replace("=", "");
		String account = URLEncoder.encode("CareFin:" + token.getClaimAsString("preferred_username"),
				StandardCharsets.UTF_8);
		return new Enrolment(base32, "otpauth://totp/" + account + "?secret=" + base32
				+ "&issuer=CareFin&algorithm=SHA1&digits=6&period=30");
	}

	@PostMapping("/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	void confirm(@AuthenticationPrincipal Jwt token, @Valid @RequestBody Confirmation confirmation) {
		UUID userId = UUID.fromString(token.getSubject());
		byte[] secret = this.factors.pendingTotpSecret(userId);
		Instant now = this.clock.instant();
		OptionalLong step = (secret != null) ? Totp.match(this.encryption.decrypt(secret), confirmation.code(), now, 0)
				: OptionalLong.empty();
		if (step.isEmpty()) {
			throw new CodeRejectedException();
		}
		this.factors.confirmTotp(userId, step.getAsLong(), now);
		this.audit.record(AuditAction.FACTOR_ENROL, "TOTP", userId,
				UUID.fromString(token.getClaimAsString("practice_id")));
	}

	/**
	 * What the app needs.
	 *
	 * @param secret the shared secret in Base32
	 * @param otpauthUri the URI to show as a QR code
	 */
	record Enrolment(String secret, String otpauthUri) {
	}

	record Confirmation(@NotNull @Pattern(regexp = "\\d{6}") String code) {
	}

}
