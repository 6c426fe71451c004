package io.carefin.auth.maintenance;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops' endpoint for maintenance mode: read it, turn it on with a message and an end time,
 * turn it off.
 */
@RestController
@RequestMapping("/api/auth/admin/maintenance")
@PreAuthorize("hasRole('OPS_ADMIN')")
class MaintenanceController {

	private final MaintenanceService maintenance;

	MaintenanceController(MaintenanceService maintenance) {
		this.maintenance = maintenance;
	}

	@GetMapping
	MaintenanceStatus status() {
		return this.maintenance.status();
	}

	@PutMapping
	MaintenanceStatus turnOn(@AuthenticationPrincipal Jwt staff, @Valid @RequestBody MaintenanceRequest request) {
		return this.maintenance.turnOn(request.message(), request.until(), who(staff));
	}

	@DeleteMapping
	MaintenanceStatus turnOff(@AuthenticationPrincipal Jwt staff) {
		return this.maintenance.turnOff(who(staff));
	}

	private static String who(Jwt staff) {
		String username = staff.getClaimAsString("preferred_username");
		return (username != null && !username.isBlank()) ? username : staff.getSubject();
	}

	/**
	 * What practices are told during maintenance, and when it ends.
	 */
	record MaintenanceRequest(@NotBlank @Size(max = 280) String message, @NotNull Instant until) {
	}

}
