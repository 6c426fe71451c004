package io.carefin.portal.session;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Stay signed in": the idle-timeout warning's button. The request itself is the
 * activity: the session store restarts the idle clock, and {@link ApiSessionActivity}
 * renews the API tokens when they are due.
 */
@Controller
class KeepAliveController {

	@PostMapping("/session/keep-alive")
	ResponseEntity<Void> keepAlive() {
		return ResponseEntity.noContent().build();
	}

}
