package io.carefin.starter.deadletter;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service answers ops about its dead letters, and which topics' dead letters it
 * reads.
 *
 * @param path the path of the endpoints, such as {@code /api/accounts/dead-letters}; the
 * endpoints exist only when it is set
 * @param topics the topics whose dead-letter twins are read; empty (the default) reads
 * those of every topic the service's Kafka listeners consume
 */
@ConfigurationProperties("carefin.dead-letters")
public record DeadLetterProperties(String path, @DefaultValue List<String> topics) {

}
