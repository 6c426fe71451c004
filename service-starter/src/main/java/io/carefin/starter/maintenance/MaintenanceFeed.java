package io.carefin.starter.maintenance;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.auth.MaintenanceChanged;
import io.carefin.contracts.auth.MaintenanceEvent;
import io.carefin.starter.messaging.ReplicaFeed;

/**
 * Reads {@code auth.maintenance} from its beginning into the replica's
 * {@link MaintenanceMode}, in every replica, without a consumer group.
 */
final class MaintenanceFeed implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MaintenanceFeed.class);

	private final MaintenanceMode mode;

	private final JsonMapper json;

	private final ReplicaFeed feed;

	MaintenanceFeed(Map<String, Object> kafka, String clientId, MaintenanceMode mode, MaintenanceProperties properties,
			JsonMapper json) {
		this.mode = mode;
		this.json = json;
		this.feed = new ReplicaFeed(MaintenanceEvent.TOPIC, kafka, clientId, ReplicaFeed.StartingPoint.BEGINNING,
				this::apply, properties.retryEvery(), "maintenance mode stays as it was last read");
	}

	@Override
	public void start() {
		this.feed.start();
	}

	@Override
	public void stop() {
		this.feed.stop();
	}

	@Override
	public boolean isRunning() {
		return this.feed.isRunning();
	}

	void apply(byte @Nullable [] value) {
		if (value == null) {
			return;
		}
		try {
			switch (this.json.readValue(value, MaintenanceEvent.class)) {
				case MaintenanceChanged changed -> this.mode.apply(changed);
			}
		}
		catch (JacksonException ex) {
			// a type this version does not know, or no event at all
			logger.info("Skipping a record on {} that is no known event", MaintenanceEvent.TOPIC);
		}
	}

}
