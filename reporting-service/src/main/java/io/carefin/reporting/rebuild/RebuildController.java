package io.carefin.reporting.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops' endpoint to rebuild the read models from the topics.
 */
@RestController
@PreAuthorize("hasRole('OPS_ADMIN')")
class RebuildController {

	private final Rebuild rebuild;

	RebuildController(Rebuild rebuild) {
		this.rebuild = rebuild;
	}

	@PostMapping("/api/reports/admin/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Rebuild.Started rebuild() {
		return this.rebuild.start();
	}

}
