package io.carefin.starter.deadletter;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets ops see the parked records and send one, or all not yet replayed, back to their
 * topic, at the path the service names in {@code carefin.dead-letters.path}.
 */
@RestController
@RequestMapping("${carefin.dead-letters.path}")
@PreAuthorize("hasRole('OPS_ADMIN')")
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	DeadLetterList list() {
		return new DeadLetterList(this.deadLetters.list());
	}

	@PostMapping("/{topic}/{partition}/{offset}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DeadLetter replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
			Authentication caller) {
		return this.deadLetters.replay(topic, partition, offset, caller.getName());
	}

	@PostMapping("/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Replayed replayAll(Authentication caller) {
		return new Replayed(this.deadLetters.replayAll(caller.getName()));
	}

	/**
	 * The parked records, oldest first.
	 *
	 * @param deadLetters the records
	 */
	record DeadLetterList(List<DeadLetter> deadLetters) {
	}

	/**
	 * How many records were sent back.
	 *
	 * @param replayed their number
	 */
	record Replayed(int replayed) {
	}

}
