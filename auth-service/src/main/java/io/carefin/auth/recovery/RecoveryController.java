package io.carefin.auth.recovery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recovery endpoints; the two requests answer 202 whatever they name.
 */
@RestController
@RequestMapping("/api/auth/recovery")
class RecoveryController {

	private final AccountRecovery recovery;

	RecoveryController(AccountRecovery recovery) {
		this.recovery = recovery;
	}

	@PostMapping("/user-id")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void userId(@Valid @RequestBody UserIdRequest request) {
		this.recovery.remindUserId(request.email());
	}

	@PostMapping("/password")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void password(@Valid @RequestBody PasswordRequest request) {
		this.recovery.requestReset(request.userId(), request.email());
	}

	@PostMapping("/password/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset(@Valid @RequestBody ResetRequest request) {
		this.recovery.reset(request.token(), request.newPassword());
	}

	record UserIdRequest(@NotBlank @Size(max = 254) String email) {
	}

	record PasswordRequest(@NotBlank @Size(max = 128) String userId, @NotBlank @Size(max = 254) String email) {
	}

	record ResetRequest(@NotBlank @Size(max = 128) String token, @NotBlank @Size(max = 512) String newPassword) {
	}

}
