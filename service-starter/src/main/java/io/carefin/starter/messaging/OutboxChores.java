package io.carefin.starter.messaging;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Keeps the outbox ({@code event_publication}) moving while the service runs: an event
 * whose send failed, because the broker was down, is sent again once the broker is back,
 * not only when the service restarts; and sent events are forgotten after a while, so the
 * table does not grow for ever.
 * <p>
 * Every replica of a service does both over the same table, so an event may be sent
 * twice; consumers apply it once (see {@link Inbox}).
 */
class OutboxChores implements SchedulingConfigurer {

	private final ObjectProvider<IncompleteEventPublications> unsent;

	private final ObjectProvider<CompletedEventPublications> sent;

	private final MessagingProperties.Outbox properties;

	OutboxChores(ObjectProvider<IncompleteEventPublications> unsent, ObjectProvider<CompletedEventPublications> sent,
			MessagingProperties.Outbox properties) {
		this.unsent = unsent;
		this.sent = sent;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		// present where Spring Modulith keeps its publications in the service's database;
		// the first round waits one interval, after the restart path's own resubmission
		this.unsent.ifAvailable((publications) -> every(tasks, this.properties.resubmitEvery(),
				() -> publications.resubmitIncompletePublicationsOlderThan(this.properties.resubmitAfter())));
		this.sent.ifAvailable((publications) -> every(tasks, this.properties.purgeEvery(),
				() -> publications.deletePublicationsOlderThan(this.properties.keepSent())));
	}

	private static void every(ScheduledTaskRegistrar tasks, Duration interval, Runnable chore) {
		tasks.addFixedDelayTask(new FixedDelayTask(chore, interval, interval));
	}

}
