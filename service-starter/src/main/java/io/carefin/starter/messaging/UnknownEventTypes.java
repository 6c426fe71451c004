package io.carefin.starter.messaging;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.adapter.RecordFilterStrategy;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.Topics;

/**
 * Lets a service run beside producers that are newer than it: a record whose logical type
 * its topic's event family does not know (an event added later) is skipped, logged and
 * counted on {@code carefin.messaging.unknown-types}, instead of failing and being
 * parked. A record that is not an event at all still reaches the listener, fails and ends
 * on the dead-letter topic.
 */
class UnknownEventTypes implements RecordFilterStrategy<Object, Object> {

	private static final Logger logger = LoggerFactory.getLogger(UnknownEventTypes.class);

	private final Map<String, Set<String>> knownTypes;

	private final JsonMapper json;

	private final MeterRegistry meters;

	UnknownEventTypes(JsonMapper json, MeterRegistry meters) {
		this.json = json;
		this.meters = meters;
		this.knownTypes = Topics.FAMILIES.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (entry) -> typeNames(entry.getValue())));
	}

	@Override
	public boolean filter(ConsumerRecord<Object, Object> record) {
		Set<String> known = this.knownTypes.get(record.topic());
		String type = (known != null) ? typeOf(record.value()) : null;
		if (type == null || known.contains(type)) {
			return false;
		}
		logger.info("Skipping an event of type {} on {}, which this version does not know", type, record.topic());
		this.meters.counter("carefin.messaging.unknown-types", "topic", record.topic(), "type", type).increment();
		return true;
	}

	/**
	 * The record's top-level {@code type}, read with a streaming parser that stops as
	 * soon as it has it (events write it first), so that each record is parsed in full
	 * once, by the listener's converter.
	 */
	private @Nullable String typeOf(Object value) {
		if (!(value instanceof byte[] bytes)) {
			return null;
		}
		try (JsonParser parser = this.json.createParser(bytes)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				boolean isType = DomainEvent.TYPE_PROPERTY.equals(parser.currentName());
				JsonToken token = parser.nextToken();
				if (isType) {
					return (token == JsonToken.VALUE_STRING) ? parser.getString() : null;
				}
				parser.skipChildren();
			}
			return null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Set<String> typeNames(Class<? extends DomainEvent> family) {
		JsonSubTypes subTypes = family.getAnnotation(JsonSubTypes.class);
		return Arrays.stream(subTypes.value()).map(JsonSubTypes.Type::name).collect(Collectors.toUnmodifiableSet());
	}

}
