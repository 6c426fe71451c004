package io.carefin.reporting;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.InboxContract;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TestIssuer;
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

	@Test
	void showsOpsTheRecordsItParkedWithoutTheirContent(RestTestClient http) {
		String key = UUID.randomUUID().toString();
		KafkaTestClient.send(PurchaseEvent.TOPIC, key, "not an event: card 4111111111111111");
		KafkaTestClient.awaitRecord(PurchaseEvent.TOPIC + ".DLT", (record) -> key.equals(record.key()),
				Duration.ofSeconds(60));

		String ops = TestIssuer.STAFF.staffMember("OPS_ADMIN");
		await().untilAsserted(() -> http.get()
			.uri("/api/reports/dead-letters")
			.headers((headers) -> headers.setBearerAuth(ops))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deadLetters[?(@.key == '" + key + "')].originalTopic")
			.isEqualTo(List.of(PurchaseEvent.TOPIC))
			.jsonPath("$.deadLetters[?(@.key == '" + key + "')].topic")
			.isEqualTo(List.of(PurchaseEvent.TOPIC + ".DLT")));
		String body = http.get()
			.uri("/api/reports/dead-letters")
			.headers((headers) -> headers.setBearerAuth(ops))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains(key).doesNotContain("4111111111111111");
		http.get()
			.uri("/api/reports/dead-letters")
			.headers((headers) -> headers.setBearerAuth(
					TestIssuer.PROVIDER.practiceUserWith(UUID.randomUUID(), "PRACTICE_ADMIN", "VIEW_REPORTS")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
