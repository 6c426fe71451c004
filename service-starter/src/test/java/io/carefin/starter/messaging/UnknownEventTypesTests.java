package io.carefin.starter.messaging;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.transaction.PurchaseEvent;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownEventTypesTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final UnknownEventTypes filter = new UnknownEventTypes(new JsonMapper(), this.meters);

	@Test
	void passesTheTypesOfTheTopicsFamily() {
		assertThat(
				this.filter.filter(record(PurchaseEvent.TOPIC, "{\"type\":\"PurchaseApproved\",\"amount\":\"1.00\"}")))
			.isFalse();
		assertThat(this.meters.find("carefin.messaging.unknown-types").counter()).isNull();
	}

	@Test
	void skipsAndCountsATypeTheFamilyDoesNotKnow() {
		assertThat(this.filter.filter(record(PurchaseEvent.TOPIC, "{\"type\":\"PurchaseTeleported\"}"))).isTrue();
		assertThat(this.meters.get("carefin.messaging.unknown-types")
			.tags("topic", PurchaseEvent.TOPIC, "type", "PurchaseTeleported")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void readsOnlyTheTopLevelTypeWhereverItStands() {
		String nestedFirst = """
				{"eventId":"e1","plan":{"type":"PurchaseApproved","months":[6,12]},"notes":[{"type":"x"}],
				 "type":"PurchaseTeleported"}""";
		assertThat(this.filter.filter(record(PurchaseEvent.TOPIC, nestedFirst))).isTrue();
		String knownAfterNested = """
				{"plan":{"type":"PurchaseTeleported"},"type":"PurchaseApproved"}""";
		assertThat(this.filter.filter(record(PurchaseEvent.TOPIC, knownAfterNested))).isFalse();
	}

	@Test
	void letsWhatIsNotAnEventReachTheListenerToFailThere() {
		assertThat(this.filter.filter(record(PurchaseEvent.TOPIC, "not json"))).isFalse();
		assertThat(this.filter.filter(record(PurchaseEvent.TOPIC, "[\"type\",\"PurchaseTeleported\"]"))).isFalse();
		assertThat(this.filter.filter(record(PurchaseEvent.TOPIC, "{\"eventId\":\"e1\"}"))).isFalse();
		assertThat(this.filter.filter(record(PurchaseEvent.TOPIC, "{\"type\":42}"))).isFalse();
	}

	@Test
	void leavesTopicsWithoutAnEventFamilyAlone() {
		assertThat(this.filter.filter(record("some.other.topic", "{\"type\":\"PurchaseTeleported\"}"))).isFalse();
	}

	private static ConsumerRecord<Object, Object> record(String topic, String json) {
		return new ConsumerRecord<>(topic, 0, 0, "key", json.getBytes(StandardCharsets.UTF_8));
	}

}
