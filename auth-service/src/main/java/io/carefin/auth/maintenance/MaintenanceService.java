package io.carefin.auth.maintenance;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;

/**
 * Ops' changes to maintenance mode, each stored, written to the audit trail with who made
 * it, and announced on {@code auth.maintenance} in one transaction, so that the gateway
 * and the portal learn of every committed change and of no other.
 */
@Service
class MaintenanceService {

	private final MaintenanceSettings settings;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	MaintenanceService(MaintenanceSettings settings, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.settings = settings;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	MaintenanceStatus status() {
		return MaintenanceStatus.of(this.settings.current(), this.clock.instant());
	}

	@Transactional
	MaintenanceStatus turnOn(String message, Instant until, String by) {
		this.settings.currentForUpdate();
		Instant now = this.clock.instant();
		this.audit.record(AuditAction.MAINTENANCE_ON, "SUCCEEDED", null, null, message + " (until " + until + ")");
		return change(MaintenanceSetting.turnedOn(message, until, by, now), now);
	}

	/**
	 * Turns maintenance off; when it is already off, nothing changes and nothing is
	 * announced.
	 */
	@Transactional
	MaintenanceStatus turnOff(String by) {
		MaintenanceSetting current = this.settings.currentForUpdate();
		Instant now = this.clock.instant();
		if (!current.on()) {
			return MaintenanceStatus.of(current, now);
		}
		this.audit.record(AuditAction.MAINTENANCE_OFF, "SUCCEEDED", null, null, null);
		return change(MaintenanceSetting.turnedOff(by, now), now);
	}

	private MaintenanceStatus change(MaintenanceSetting setting, Instant now) {
		this.settings.save(setting);
		this.events.publishEvent(setting.changed(now));
		return MaintenanceStatus.of(setting, now);
	}

}
