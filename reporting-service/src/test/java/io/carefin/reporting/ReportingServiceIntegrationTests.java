package io.carefin.reporting;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.InboxContract;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TrustContract;

import static org.assertj.core.api.Assertions.assertThat;

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
		ReportingFixtures practice = new ReportingFixtures(UUID.randomUUID());
		this.practiceOfPurchase.put(eventId, practice.practiceId());
		PurchaseApproved purchase = practice.purchase(UUID.randomUUID(), UUID.randomUUID(), "2026-11-23T15:30:00Z",
				"250.00", "FIXED_24");
		return ReportingFixtures.json(new PurchaseApproved(eventId, purchase.occurredAt(), purchase.purchaseId(),
				purchase.practiceId(), purchase.practiceName(), purchase.accountId(), purchase.accountLast4(),
				purchase.amount(), purchase.plan(), purchase.authorizationCode()));
	}

	@Override
	public int timesApplied(UUID eventId) {
		return this.jdbc.sql("SELECT coalesce(sum(purchases), 0) FROM daily_sales WHERE practice_id = :practice")
			.param("practice", this.practiceOfPurchase.get(eventId))
			.query(Integer.class)
			.single();
	}

	@Test
	void migratesItsOwnSchemaWithFlyway() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success AND version IN ('1', '2')")
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

}
