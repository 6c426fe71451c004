package io.carefin.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTests {

	@Test
	void namesEachTopicByItsOwnerAndAggregate() {
		assertThat(Topics.ALL).doesNotHaveDuplicates()
			.allMatch((topic) -> topic.matches("(auth|transaction|account|notification)\\.[a-z]+(-[a-z]+)*s"));
	}

	@Test
	void listsTheTopicOfEveryGoldenEvent() {
		assertThat(GoldenEventTests.events())
			.allSatisfy((arguments) -> assertThat(Topics.ALL).contains(((DomainEvent) arguments.get()[2]).topic()));
	}

}
