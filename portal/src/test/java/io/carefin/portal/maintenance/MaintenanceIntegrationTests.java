package io.carefin.portal.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.carefin.contracts.auth.MaintenanceEvent;
import io.carefin.portal.Gateway;
import io.carefin.starter.maintenance.Maintenance;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.EmbeddedPostgres;
import io.carefin.testsupport.KafkaTestClient;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;

/**
 * Within seconds of ops turning maintenance on or off (announced on
 * {@code auth.maintenance}), every page, signed in or not, gets the message and the end
 * time as {@code maintenance}, or nothing once it is off.
 */
@SpringBootTest
@ContextConfiguration(initializers = { EmbeddedPostgres.Initializer.class, Gateway.Initializer.class,
		EmbeddedKafka.Initializer.class })
class MaintenanceIntegrationTests {

	private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

	private final MockMvc mvc;

	MaintenanceIntegrationTests(@Autowired WebApplicationContext context) {
		this.mvc = MockMvcBuilders.webAppContextSetup(context).build();
	}

	@AfterAll
	static void turnOff() {
		// the broker outlives this class: later test classes must not start in
		// maintenance
		announce(false, null, null);
	}

	@Test
	void everyPageShowsTheMaintenanceUnderWayAndNoneOnceItIsOff() {
		String message = "CareFin is down for an upgrade until 6 a.m. UTC.";
		Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

		announce(true, message, until);

		await().atMost(WITHIN_SECONDS).untilAsserted(() -> {
			for (String page : new String[] { "/", "/help", "/forgot-password" }) {
				this.mvc.perform(get(page))
					.andExpect(model().attribute("maintenance", new Maintenance(message, until)));
			}
		});

		announce(false, null, null);

		await().atMost(WITHIN_SECONDS).untilAsserted(() -> {
			for (String page : new String[] { "/", "/help", "/forgot-password" }) {
				this.mvc.perform(get(page)).andExpect(model().attribute("maintenance", (Object) null));
			}
		});
	}

	private static void announce(boolean on, @Nullable String message, @Nullable Instant until) {
		KafkaTestClient.send(MaintenanceEvent.TOPIC, MaintenanceEvent.KEY, """
				{"type":"MaintenanceChanged","eventId":"%s","occurredAt":"%s","on":%s,"message":%s,"until":%s}
				""".formatted(UUID.randomUUID(), Instant.now(), on, (message != null) ? "\"" + message + "\"" : "null",
				(until != null) ? "\"" + until + "\"" : "null"));
	}

}
