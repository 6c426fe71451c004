package io.carefin.starter.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carefin.contracts.auth.MaintenanceChanged;
import io.carefin.testsupport.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which maintenance a replica believes is under way, from the changes it heard of and its
 * clock.
 */
class MaintenanceModeTests {

	private static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");

	private static final Instant UNTIL = Instant.parse("2026-12-08T06:00:00Z");

	private final MovableClock clock = new MovableClock(NOW);

	private final MaintenanceMode mode = new MaintenanceMode(this.clock);

	@Test
	void isOffUntilItHearsOfMaintenance() {
		assertThat(this.mode.current()).isEmpty();
	}

	@Test
	void isOnWithTheMessageAndEndOfTheLatestChange() {
		this.mode.apply(on(NOW.minusSeconds(60), "Down for an upgrade."));
		this.mode.apply(on(NOW, "Down for an upgrade until 6 a.m. UTC."));

		assertThat(this.mode.current()).contains(new Maintenance("Down for an upgrade until 6 a.m. UTC.", UNTIL));
	}

	@Test
	void isOffOnceTurnedOff() {
		this.mode.apply(on(NOW.minusSeconds(60), "Down for an upgrade."));
		this.mode.apply(off(NOW));

		assertThat(this.mode.current()).isEmpty();
	}

	@Test
	void anOlderChangeSentAgainAfterANewerOneChangesNothing() {
		MaintenanceChanged turnedOn = on(NOW.minusSeconds(60), "Down for an upgrade.");
		this.mode.apply(turnedOn);
		this.mode.apply(off(NOW));
		this.mode.apply(turnedOn);

		assertThat(this.mode.current()).isEmpty();
	}

	@Test
	void endsByItselfAtItsEndTime() {
		this.mode.apply(on(NOW, "Down for an upgrade."));

		this.clock.advance(Duration.between(NOW, UNTIL).minusMillis(1));
		assertThat(this.mode.current()).isPresent();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.mode.current()).isEmpty();
	}

	@Test
	void tellsClientsToRetryAfterTheWholeSecondsLeftAndNeverLessThanOne() {
		Maintenance maintenance = new Maintenance("Down for an upgrade.", UNTIL);

		assertThat(maintenance.retryAfterSeconds(this.clock)).isEqualTo(4 * 3600);
		this.clock.advance(Duration.ofHours(4).minusMillis(1500));
		assertThat(maintenance.retryAfterSeconds(this.clock)).isEqualTo(2);
		this.clock.advance(Duration.ofMillis(1400));
		assertThat(maintenance.retryAfterSeconds(this.clock)).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(maintenance.retryAfterSeconds(this.clock)).isEqualTo(1);
	}

	private static MaintenanceChanged on(Instant at, String message) {
		return new MaintenanceChanged(UUID.randomUUID(), at, true, message, UNTIL);
	}

	private static MaintenanceChanged off(Instant at) {
		return new MaintenanceChanged(UUID.randomUUID(), at, false, null, null);
	}

}
