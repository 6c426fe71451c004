package io.carefin.auth.team;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.auth.user.Permission;
import io.carefin.auth.user.Role;

/**
 * The practice admin's team endpoints, and the invited user's activation.
 */
@RestController
@RequestMapping("/api/auth/users")
class TeamController {

	private static final String ADMIN = "hasRole('PRACTICE_ADMIN') and hasAuthority('PERMISSION_MANAGE_USERS')";

	private final Team team;

	TeamController(Team team) {
		this.team = team;
	}

	@GetMapping
	@PreAuthorize(ADMIN)
	List<TeamMember> members(@AuthenticationPrincipal Jwt admin) {
		return this.team.members(practiceOf(admin));
	}

	@PostMapping
	@PreAuthorize(ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	TeamMember invite(@AuthenticationPrincipal Jwt admin, @Valid @RequestBody Invitation invitation) {
		return this.team.invite(practiceOf(admin), invitation.userId(), invitation.email(), invitation.role(),
				invitation.permissions());
	}

	@PatchMapping("/{userId}")
	@PreAuthorize(ADMIN)
	TeamMember change(@AuthenticationPrincipal Jwt admin, @PathVariable String userId,
			@Valid @RequestBody Access access) {
		return this.team.change(practiceOf(admin), UUID.fromString(admin.getSubject()), userId, access.role(),
				access.permissions(), access.enabled());
	}

	/**
	 * Sends a user of the admin's practice who has not activated a new activation link,
	 * voiding the one they had; 202 with the user, whose e-mail is on its way.
	 */
	@PostMapping("/{userId}/invitation")
	@PreAuthorize(ADMIN)
	@ResponseStatus(HttpStatus.ACCEPTED)
	TeamMember resendInvitation(@AuthenticationPrincipal Jwt admin, @PathVariable String userId) {
		return this.team.resendInvitation(practiceOf(admin), userId);
	}

	@PostMapping("/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activate(@Valid @RequestBody Activation activation) {
		this.team.activate(activation.token(), activation.password());
	}

	private static UUID practiceOf(Jwt admin) {
		return UUID.fromString(admin.getClaimAsString("practice_id"));
	}

	record Invitation(@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String userId,
			@NotBlank @Email @Size(max = 254) String email, @NotNull Role role, @NotNull Set<Permission> permissions) {
	}

	record Access(@NotNull Role role, @NotNull Set<Permission> permissions, boolean enabled) {
	}

	record Activation(@NotBlank @Size(max = 128) String token, @NotBlank @Size(max = 512) String password) {
	}

}
