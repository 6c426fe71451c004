package io.carefin.reporting;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.InboxContract;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TrustContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class ReportingServiceIntegrationTests implements TrustContract, InboxContract {

	private final Map<UUID, UUID> practiceOfPurchase = new ConcurrentHashMap<>();

	@Autowired
	JdbcClient jdbc;

	@Override
	public String protectedPath() {
		return "/api/reports/" + UUID.randomUUID() + "/wiring-check";
	}

	@Override
	public String topic() {
		return PurchaseEvent.TOPIC;
	}

	@Override
	public String eventJson(UUID eventId) {
		UUID practice = UUID.randomUUID();
		this.practiceOfPurchase.put(eventId, practice);
		return purchaseJson(eventId, practice, "2026-11-23T15:30:00Z", "250.00");
	}

	@Override
	public int timesApplied(UUID eventId) {
		return this.jdbc.sql("SELECT coalesce(sum(purchases), 0) FROM daily_funding WHERE practice_id = :practice")
			.param("practice", this.practiceOfPurchase.get(eventId))
			.query(Integer.class)
			.single();
	}

	@Test
	void migratesItsOwnSchemaWithFlyway() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '1'")
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void countsAPurchaseOnThePracticesBusinessDayNotTheUtcDay() {
		UUID practice = UUID.randomUUID();
		KafkaTestClient.send(PurchaseEvent.TOPIC, UUID.randomUUID().toString(),
				purchaseJson(UUID.randomUUID(), practice, "2026-11-24T03:30:00Z", "1250.00"));
		KafkaTestClient.send(PurchaseEvent.TOPIC, UUID.randomUUID().toString(),
				purchaseJson(UUID.randomUUID(), practice, "2026-11-23T14:00:00Z", "200.00"));

		await().until(() -> funding(practice, "2026-11-23") != null);
		await().until(() -> funding(practice, "2026-11-23").compareTo(new BigDecimal("1450.00")) == 0);
		assertThat(funding(practice, "2026-11-24")).isNull();
	}

	private BigDecimal funding(UUID practice, String day) {
		return this.jdbc
			.sql("SELECT gross FROM daily_funding WHERE practice_id = :practice AND business_day = CAST(:day AS date)")
			.param("practice", practice)
			.param("day", day)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	private static String purchaseJson(UUID eventId, UUID practice, String occurredAt, String amount) {
		return """
				{"type":"PurchaseApproved","eventId":"%s","occurredAt":"%s","purchaseId":"%s",
				 "practiceId":"%s","accountId":"%s","amount":%s,"promotionCode":"FIXED_24"}
				""".formatted(eventId, occurredAt, UUID.randomUUID(), practice, UUID.randomUUID(), amount);
	}

}
