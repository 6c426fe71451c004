package io.carefin.testsupport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker of its own, every connection to which goes through a {@link TcpProxy},
 * for tests that cut a service off Kafka. A proxy in front of the shared
 * {@link EmbeddedKafka} broker would only carry the first request: a broker tells its
 * clients where to reach it, and they then connect there directly. This broker advertises
 * the proxy's address instead, so producers, consumers and admin clients all lose it when
 * the proxy is cut or blackholed.
 * <p>
 * Use {@link Initializer} in place of {@link EmbeddedKafka.Initializer}; the proxy is the
 * bean named {@value #PROXY_BEAN} and this the bean named {@value #BEAN}. Both stop with
 * the context.
 */
public final class ProxiedKafka implements AutoCloseable {

	/**
	 * The name of this bean.
	 */
	public static final String BEAN = "proxiedKafka";

	/**
	 * The name of the {@link TcpProxy} bean in front of the broker.
	 */
	public static final String PROXY_BEAN = "kafkaProxy";

	private final TcpProxy proxy;

	private final EmbeddedKafkaKraftBroker broker;

	private ProxiedKafka() {
		// the broker must advertise the proxy's port, and only then says which port it
		// took itself
		this.proxy = new TcpProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9));
		EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
		started.brokerProperty("auto.create.topics.enable", "true");
		started.brokerProperty("group.initial.rebalance.delay.ms", "0");
		started.brokerProperty("advertised.listeners", "EXTERNAL://" + this.proxy.address());
		started.afterPropertiesSet();
		this.broker = started;
		this.proxy.retarget(hostAndPort(started.getBrokersAsString().split(",")[0]));
	}

	/**
	 * Starts a broker behind a new proxy.
	 */
	public static ProxiedKafka start() {
		return new ProxiedKafka();
	}

	/**
	 * The proxy every client goes through.
	 */
	public TcpProxy proxy() {
		return this.proxy;
	}

	/**
	 * The address clients bootstrap from: the proxy's.
	 */
	public String bootstrapServers() {
		return this.proxy.address();
	}

	/**
	 * Sends a record and waits until the broker has it (through the proxy).
	 */
	public void send(String topic, String key, String json) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>(topic, key, json)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send a test record to " + topic, ex);
		}
	}

	/**
	 * Reads every record that arrives on a topic, from its beginning, during the given
	 * time (through the proxy).
	 */
	public List<ConsumerRecord<String, String>> readFor(String topic, Duration duration) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		long deadline = System.nanoTime() + duration.toNanos();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(topic));
			while (System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

	@Override
	public void close() {
		this.proxy.restore();
		this.broker.destroy();
		this.proxy.close();
	}

	private static InetSocketAddress hostAndPort(String address) {
		int colon = address.lastIndexOf(':');
		return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
	}

	/**
	 * Points a Spring context's Kafka clients at a broker of its own behind a proxy,
	 * registers both as beans and stops them once the context has stopped its clients.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			ProxiedKafka kafka = start();
			TestPropertyValues.of("spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()).applyTo(context);
			// beans, closed once the context has stopped its listeners and producers
			GenericApplicationContext beans = (GenericApplicationContext) context;
			beans.registerBean(BEAN, ProxiedKafka.class, () -> kafka);
			beans.registerBean(PROXY_BEAN, TcpProxy.class, kafka::proxy);
		}

	}

}
