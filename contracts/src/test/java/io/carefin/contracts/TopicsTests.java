package io.carefin.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTests {

	@Test
	void namesEachTopicByItsOwnerAndAggregate() {
		assertThat(Topics.ALL).doesNotHaveDuplicates()
			.allMatch((topic) -> topic.matches("(auth|transaction|account|notification)\\.[a-z]+(-[a-z]+)*s")
					// a mass noun has no plural
					|| topic.equals("auth.maintenance"));
	}

	@Test
	void eachFamilyIsTheOneItsTopicNames() {
		Topics.FAMILIES.forEach((topic, family) -> assertThat(family.isSealed()).isTrue());
		assertThat(GoldenEventTests.events()).allSatisfy((arguments) -> {
			DomainEvent event = (DomainEvent) arguments.get()[2];
			assertThat(Topics.FAMILIES.get(event.topic())).isAssignableFrom(event.getClass());
		});
	}

	@Test
	void listsTheTopicOfEveryGoldenEvent() {
		assertThat(GoldenEventTests.events())
			.allSatisfy((arguments) -> assertThat(Topics.ALL).contains(((DomainEvent) arguments.get()[2]).topic()));
	}

}
