package io.carefin.starter.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.starter.messaging.MessagingProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * A service gets the dead-letter endpoints only when it names their path, and reads the
 * dead-letter twins, named with the messaging suffix, of the topics it is told or its
 * listeners consume.
 */
class DeadLetterAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeadLetterAutoConfiguration.class))
		.withBean(ConsumerFactory.class, () -> mock(ConsumerFactory.class))
		.withBean(KafkaOperations.class, () -> mock(KafkaOperations.class))
		.withBean(JdbcClient.class, () -> mock(JdbcClient.class))
		.withBean(TransactionTemplate.class, () -> mock(TransactionTemplate.class))
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(MessagingProperties.class,
				() -> new MessagingProperties(3, Duration.ofMillis(500), Duration.ofSeconds(5), ".parked", 6,
						new MessagingProperties.Outbox(Duration.ofSeconds(30), Duration.ofMinutes(2),
								Duration.ofHours(1), Duration.ofDays(7))));

	@Test
	void addsNoEndpointsToAServiceThatNamesNoPath() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(DeadLetterController.class)
			.doesNotHaveBean(DeadLetters.class));
	}

	@Test
	void readsTheParkedTwinsOfTheTopicsAServiceNames() {
		this.runner
			.withPropertyValues("carefin.dead-letters.path=/api/accounts/dead-letters",
					"carefin.dead-letters.topics=transaction.purchases,account.payments")
			.run((context) -> {
				assertThat(context).hasSingleBean(DeadLetterController.class);
				assertThat(context.getBean(DeadLetters.class).deadLetterTopics())
					.isEqualTo(List.of("transaction.purchases.parked", "account.payments.parked"));
			});
	}

	@Test
	void readsNothingWhenTheServiceHasNoListeners() {
		this.runner.withPropertyValues("carefin.dead-letters.path=/api/accounts/dead-letters")
			.run((context) -> assertThat(context.getBean(DeadLetters.class).deadLetterTopics()).isEmpty());
	}

	@Test
	void namesEachTopicOnceFromTheListenersSubscriptions() {
		assertThat(DeadLetters.topics(List.of(new String[] { "b.topic", "a.topic" }, new String[] { "a.topic" })))
			.isEqualTo(List.of("a.topic", "b.topic"));
	}

}
