package io.carefin.testsupport;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single Kafka broker in KRaft mode, started in the test JVM the first time a test asks
 * for it. Topics are created on first use.
 */
public final class EmbeddedKafka {

	private static @Nullable EmbeddedKafkaBroker broker;

	private EmbeddedKafka() {
	}

	/**
	 * The broker's bootstrap servers, starting the broker if needed.
	 */
	public static synchronized String bootstrapServers() {
		if (broker == null) {
			EmbeddedKafkaBroker started = new EmbeddedKafkaKraftBroker(1, 1).brokerProperty("auto.create.topics.enable",
					"true");
			started.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
			broker = started;
		}
		return broker.getBrokersAsString();
	}

	/**
	 * Points a Spring context's Kafka clients at the embedded broker.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("spring.kafka.bootstrap-servers=" + bootstrapServers()).applyTo(context);
		}

	}

}
