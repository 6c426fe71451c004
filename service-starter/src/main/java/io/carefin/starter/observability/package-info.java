/**
 * What every service reports about itself beyond Spring Boot's own meters: the business
 * events it commits ({@link io.carefin.starter.observability.BusinessEventMetrics}), its
 * outbox's backlog ({@link io.carefin.starter.observability.OutboxMetrics}), and the
 * defaults that give every HTTP route latency buckets at the service-level objectives and
 * every Kafka send and receive an observation.
 */
@NullMarked
package io.carefin.starter.observability;

import org.jspecify.annotations.NullMarked;
