package io.carefin.starter.messaging;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events as JSON without Spring Kafka's {@code __TypeId__} header, which would put
 * Java class names on the wire; the logical type inside the JSON is the only type a
 * record carries. Listeners read each record as the event family their method declares.
 */
class LogicalTypeMessageConverter extends ByteArrayJacksonJsonMessageConverter {

	LogicalTypeMessageConverter(JsonMapper json) {
		super(json);
	}

	@Override
	protected Headers initialRecordHeaders(Message<?> message) {
		return new RecordHeaders();
	}

}
